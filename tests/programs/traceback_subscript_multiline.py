matrix = [[1, 2], [3, 4]]
value = matrix[
    1
][
    5
]
