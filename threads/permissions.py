"""The block rule for the threads app: a bureau keeps the diagonal thread's
activities and status updates of its own block (see networks.permissions)."""

from networks.permissions import register_block_rules

register_block_rules("threads", "activity", "statusupdate")
