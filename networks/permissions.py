"""The block rule for the networks app: a bureau changes its block's
organizations and sees all of them, to pick a host (see core.access)."""

from core.access import register_block_rules

register_block_rules("networks", "organization", others_visible=True)
