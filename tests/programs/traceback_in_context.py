try:
    {}["missing"]
except KeyError:
    int("not a number")
