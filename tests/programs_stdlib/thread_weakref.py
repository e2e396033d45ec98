# _thread locks with single-threaded semantics, and _weakref references to live objects.
import _thread
import _weakref

lock = _thread.allocate_lock()
print(lock.acquire(), lock.locked(), lock.acquire(False))
lock.release()
print(lock.locked())
with lock:
    print("inside", lock.locked())
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError", e)
r = _thread.RLock()
with r:
    with r:
        print("reentrant")
print(isinstance(_thread.get_ident(), int))


class Node:
    pass


n = Node()
ref = _weakref.ref(n)
print(ref() is n, ref == _weakref.ref(n), hash(ref) == hash(n))
print(_weakref.getweakrefcount(n) >= 0)
