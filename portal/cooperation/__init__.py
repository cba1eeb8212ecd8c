"""Public pages of the national network's work (needs, offers, projects,
cases), the per-field page and the block council's section of a block page."""
