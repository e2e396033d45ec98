s = "héllo"; t = (s,
"é", s]
