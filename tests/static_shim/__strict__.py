"""A plain-Python stand-in for `__strict__`: every marker decorator returns its argument."""


def _identity(obj):
    return obj


freeze_type = loose_slots = mutable = strict_slots = _identity


def extra_slot(obj, name):
    return obj


def set_freeze_enabled(flag):
    return True


allow_side_effects = object()
