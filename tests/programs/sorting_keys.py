people = [("bob", 25), ("alice", 30), ("carol", 25)]
print(sorted(people, key=lambda p: (p[1], p[0])))
print(sorted(people, key=lambda p: p[1], reverse=True))
from operator import itemgetter, attrgetter
print(sorted(people, key=itemgetter(0)))
words = "the quick brown fox".split()
words.sort(key=len)
print(words, max(words, key=len), min(words))
