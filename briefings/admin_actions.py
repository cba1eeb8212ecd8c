"""Admin actions of the briefing lifecycle (planned → held / cancelled / postponed)."""

ACTIONS: list = []
