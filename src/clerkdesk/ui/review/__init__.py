"""Review after the meeting: the checks panel, paragraph history and approval."""
