"""The roster and attendance panel, its table model and the person dialog."""
