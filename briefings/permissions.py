"""The block rule for the briefings app: a bureau keeps its own block's
sessions and their handouts (see networks.permissions)."""

from networks.permissions import register_block_rules

register_block_rules("briefings", "briefing", "briefingmaterial")
