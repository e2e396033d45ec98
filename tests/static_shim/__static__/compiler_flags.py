"""Compile-time flags of Static Python; importing them has no effect under CPython."""

checked_dicts = True
checked_lists = True
