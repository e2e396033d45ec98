# heapq, bisect and operator through their pure-Python implementations.
import bisect
import heapq
import operator

h = []
for x in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1, 8, 2]
heapq.heapify(data)
print(data, heapq.nsmallest(3, [5, 1, 8, 3, 9]), heapq.nlargest(2, [5, 1, 8, 3, 9]))
print(heapq.heappushpop([1, 5, 9], 3), heapq.heapreplace([1, 5, 9], 7))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print(heapq.nlargest(2, ["apple", "fig", "banana"], key=len))

s = [1, 2, 4, 4, 8]
print(bisect.bisect_left(s, 4), bisect.bisect_right(s, 4), bisect.bisect(s, 5))
bisect.insort(s, 3)
bisect.insort_left(s, 4)
print(s, bisect.bisect_left(s, 10, hi=3), bisect.bisect([10, 20, 30], 25, key=None))
print(bisect.bisect_left([("a", 1), ("c", 3)], "b", key=lambda p: p[0]))

get = operator.itemgetter(1)
many = operator.itemgetter(0, 2)
print(get([10, 20, 30]), many("xyz"), sorted([(1, "b"), (0, "c"), (2, "a")], key=get))


class P:
    def __init__(self, name, inner=None):
        self.name = name
        self.inner = inner

    def greet(self, greeting, punct="!"):
        return f"{greeting}, {self.name}{punct}"


print(operator.attrgetter("name")(P("ann")), operator.attrgetter("inner.name", "name")(P("a", P("b"))))
print(operator.methodcaller("greet", "hi", punct="?")(P("bo")))
print(operator.add(2, 3), operator.mul("ab", 2), operator.neg(4), operator.not_(0), operator.truth([1]))
print(operator.contains([1, 2], 2), operator.getitem({"k": 1}, "k"), operator.index(7))
print(operator.lt(1, 2), operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10))
print(repr(operator.itemgetter(1, 2)), operator.concat([1], [2]), operator.is_(None, None))
