"""Machinery that belongs to no domain; imports no app of the project."""
