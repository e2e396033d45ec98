print("start")
from math import does_not_exist
