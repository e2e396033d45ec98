import json
data = {"name": "x", "vals": [1, 2.5, None, True], "nested": {"k": "v"}}
s = json.dumps(data, sort_keys=True)
print(s)
print(json.loads(s) == data, json.loads("[1, 2]"))
