#!/usr/bin/env python3
"""Makes an archive of N debriefs for benchmarks: variations of the example,
each with its own title and date, and (with --items) one large debrief."""
import argparse
import os
import re

ap = argparse.ArgumentParser()
ap.add_argument("folder")
ap.add_argument("--count", type=int, default=2000)
ap.add_argument("--items", type=int, default=0, help="also write big.yml with this many facts")
a = ap.parse_args()

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
example = open(os.path.join(root, "examples", "bank-deck.yml"), encoding="utf-8").read()
os.makedirs(os.path.join(a.folder, "debriefs"), exist_ok=True)
with open(os.path.join(a.folder, "debrief.yml"), "w") as f:
    f.write("archive: 1\n")
for i in range(a.count):
    day = 1 + i % 28
    month = 1 + (i // 28) % 12
    text = example.replace("title: Conference deck for the bank", f"title: Project number {i}")
    text = re.sub(r"^date: .*$", f"date: 2026-{month:02d}-{day:02d}", text, count=1, flags=re.M)
    with open(os.path.join(a.folder, "debriefs", f"2026-{month:02d}-{day:02d}-project-{i}.yml"), "w", encoding="utf-8") as f:
        f.write(text)
if a.items:
    lines = ["debrief: 1", "format: client-recovery", "title: A very large debrief", "sections:", "  facts:"]
    for i in range(a.items):
        lines.append(f"    - text: \"Fact number {i}: the *materials* for [part {i}](https://example.com/{i}) arrived on day {i % 7} with `code` and more words to render.\"")
        lines.append(f"      side: {'us' if i % 2 else 'client'}")
    with open(os.path.join(a.folder, "big.yml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
