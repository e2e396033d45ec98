class Recorder:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        self.seen = (et.__name__ if et else None, str(ev) if ev else None, tb is not None)
        return True
r = Recorder()
with r:
    raise KeyError("kk")
print(r.seen)
with r:
    pass
print(r.seen)
