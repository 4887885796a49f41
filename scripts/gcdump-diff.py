# Type-by-type difference of two `dotnet-gcdump report` outputs (scripts/heap-rounds.sh): python3 scripts/gcdump-diff.py A.txt B.txt [ROWS].
# This report version prints, per line, one object's size (not the type's total) and the count; "est" is size x count,
# exact only for fixed-size types. Rows are sorted by the change in count.
import re, sys, collections
def load(p):
    d = collections.defaultdict(lambda: [0, 0])
    for line in open(p):
        m = re.match(r'\s*([\d,]+)\s+([\d,]+)\s+(.*?)\s*(\(Bytes > [^)]*\))?\s*\[[^\[\]]*\]\s*$', line)
        if m:
            t = m.group(3).strip(); size = int(m.group(1).replace(',', '')); n = int(m.group(2).replace(',', ''))
            d[t][0] += size * n; d[t][1] += n
    return d
a, b = load(sys.argv[1]), load(sys.argv[2])
rows = sorted(((b[t][0] - a[t][0], b[t][1] - a[t][1], t) for t in set(a) | set(b)), key=lambda r: -abs(r[1]))
print(f"objects {sum(v[1] for v in a.values()):,} -> {sum(v[1] for v in b.values()):,}")
print(f"{'est bytes':>12} {'count':>8}  type (sorted by count change)")
for db, dc, t in rows[:int(sys.argv[3]) if len(sys.argv) > 3 else 25]:
    print(f"{db:>12,} {dc:>8,}  {t[:150]}")
