text = "  Hello  "
print(text.strip().lower())
result = text.strip().lower().missing()
