"""The window's side of Modern.gov: the Source tab, new meeting from the site, member refresh."""
