# Forges a journal as an attacker would: applies OLD=>NEW to every line holding OLD and puts
# the CRC-32 of the edited line back, so that only the program's own checks can catch it.
import sys, zlib
source, target, edits = sys.argv[1], sys.argv[2], [e.split("=>", 1) for e in sys.argv[3:]]
out = []
for line in open(source, encoding="utf-8").read().splitlines():
    body = line[: line.rindex(',"crc":"')]
    for old, new in edits:
        body = body.replace(old, new)
    out.append(body + ',"crc":"%08x"}' % zlib.crc32((body + "}").encode("utf-8")))
open(target, "w", encoding="utf-8").write("\n".join(out) + "\n")
