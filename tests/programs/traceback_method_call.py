class Service:
    def run(self, items):
        return [self.process(i) for i in items]
    def process(self, item):
        return item.upper()
s = Service()
print(s.run(["a", "b"]))
s.run(["c", 3])
