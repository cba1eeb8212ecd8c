"""Kept for the migrations that import `trigram_indexes` from here; see core.trigram."""

from core.trigram import trigram_indexes

__all__ = ["trigram_indexes"]
