"""Review after the meeting: the checks panel with its fixes, and a paragraph's history (approval
and publishing are in ui.workspace)."""
