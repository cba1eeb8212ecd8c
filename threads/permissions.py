"""The block rule for the threads app: a bureau keeps the diagonal thread's
activities and status updates of its own block (see core.access)."""

from core.access import register_block_rules

register_block_rules("threads", "activity", "statusupdate")
