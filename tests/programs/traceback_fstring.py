obj = None
print(f"value: {obj.attr}")
