data = {"a": {"b": 1}}
print(data["a"]["b"])
print(data["a"]["c"])
