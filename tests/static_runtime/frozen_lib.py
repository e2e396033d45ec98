# A module marked static the way codegen marks one (`__final_constants__`): frozen once
# imported.
__final_constants__ = ("LIMIT",)
LIMIT = 10
