checked_dicts: object
checked_lists: object
