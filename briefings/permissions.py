"""The block rule for the briefings app: a bureau keeps its own block's
sessions and their handouts (see core.access)."""

from core.access import register_block_rules

register_block_rules("briefings", "briefing", "briefingmaterial")
