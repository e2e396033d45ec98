data = [1, 2, "three", 4]
evens = [x for x in data if x % 2 == 0]
