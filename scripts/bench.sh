#!/usr/bin/env bash
# Benchmarks (not tests): figures and ratios against a baseline measured in the same run.
#   1. Rendering one large debrief to HTML, against the cmark CLI on the same Markdown.
#   2. Loading and checking a whole archive (libyaml events into the model, then every check).
#   3. The archive index, on a larger generated archive (INDEXED, 10,000 debriefs): debrief actions with no cache
#      (every record parsed), with a current one, and after one record changed.
#   4. debrief lessons and debrief actions on that archive with a current index.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/debrief}
COUNT=${COUNT:-2000}
INDEXED=${INDEXED:-10000}   # the archive of sections 3 and 4
ITEMS=${ITEMS:-20000}
RUNS=${RUNS:-5}
[ -x "$BIN" ] || { echo "build first: make build" >&2; exit 1; }
command -v cmark >/dev/null || bash scripts/setup.sh cmark
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/gen_archive.py "$work" --count "$COUNT" --items "$ITEMS"
"$BIN" render "$work/big.yml" --to md -o "$work/big.md"

best() { # best wall time of RUNS runs of a command, in seconds
  local best=999999 t s e
  for _ in $(seq "$RUNS"); do
    s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l); if (( $(echo "$t < $best" | bc -l) )); then best=$t; fi
  done
  printf '%.3f' "$best"
}

echo "debrief $("$BIN" --version), cmark $(cmark --version | head -1 | awk '{print $2}'), $(nproc) cores"
echo
echo "1. One debrief of $ITEMS items ($(du -h "$work/big.yml" | cut -f1) of YAML, $(du -h "$work/big.md" | cut -f1) of Markdown)"
c=$(best cmark "$work/big.md")
h=$(best "$BIN" render "$work/big.yml" --to html -o "$work/big.html")
m=$(best "$BIN" render "$work/big.yml" --to md -o "$work/big2.md")
printf '   cmark CLI, Markdown to HTML:      %ss (baseline)\n' "$c"
printf '   debrief render --to html:         %ss  %.2fx cmark\n' "$h" "$(echo "$h / $c" | bc -l)"
printf '   debrief render --to md:           %ss  %.2fx cmark\n' "$m" "$(echo "$m / $c" | bc -l)"
hc=$(best "$BIN" render "$work/big.yml" --to html --audience client --allow-names -o "$work/big.client.html")
printf '   ... --audience client (name scan): %ss  %.2fx cmark\n' "$hc" "$(echo "$hc / $c" | bc -l)"
echo
echo "2. An archive of $COUNT debriefs ($(du -sh "$work/debriefs" | cut -f1))"
cat "$work"/debriefs/*.yml > /dev/null
k=$(cd "$work" && best "$OLDPWD/$BIN" check --format json)
printf '   debrief check (load and check all): %ss  %.2f ms per debrief\n' "$k" "$(echo "$k * 1000 / $COUNT" | bc -l)"
kc=$(cd "$work" && best "$OLDPWD/$BIN" check --format json --audience client)
printf '   ... --audience client (the policy too): %ss  %.2f ms per debrief\n' "$kc" "$(echo "$kc * 1000 / $COUNT" | bc -l)"
echo
big="$work/indexed"
python3 scripts/gen_archive.py "$big" --count "$INDEXED"
echo "3. The archive index (.debrief/index), read by debrief actions --format json on $INDEXED debriefs"
records=("$big"/debriefs/*.yml)
cold_run() { rm -rf "$big/.debrief"; "$@"; }          # no cache: every record parsed (in parallel), the cache written
changed_run() { touch "${records[0]}"; "$@"; }          # one record changed: it alone parsed, the cache rewritten
ic=$(cd "$big" && best cold_run "$OLDPWD/$BIN" actions --format json)
(cd "$big" && "$OLDPWD/$BIN" actions --format json > /dev/null)
iw=$(cd "$big" && best "$OLDPWD/$BIN" actions --format json)
i1=$(cd "$big" && best changed_run "$OLDPWD/$BIN" actions --format json)
printf '   cold (no cache, all parsed):        %ss  %.2f ms per debrief\n' "$ic" "$(echo "$ic * 1000 / $INDEXED" | bc -l)"
printf '   warm (cache current, none parsed):  %ss  %.2f ms per debrief  %.1fx faster\n' "$iw" "$(echo "$iw * 1000 / $INDEXED" | bc -l)" "$(echo "$ic / $iw" | bc -l)"
printf '   one debrief changed:                %ss\n' "$i1"
printf '   cache size: %s for %s debriefs\n' "$(du -h "$big/.debrief/index" | cut -f1)" "$INDEXED"
echo
echo "4. The archive commands on the same $INDEXED debriefs, with a current index"
lw=$(cd "$big" && best "$OLDPWD/$BIN" lessons --format json)
aw=$(cd "$big" && best "$OLDPWD/$BIN" actions --open)
printf '   debrief lessons (group every lesson): %ss\n' "$lw"
printf '   debrief actions --open:               %ss  (%s lines)\n' "$aw" "$(cd "$big" && "$OLDPWD/$BIN" actions --open | wc -l)"
overdue() { "$1" actions --overdue || [ $? -eq 1 ]; }   # exits 1 when one is overdue
ao=$(cd "$big" && best overdue "$OLDPWD/$BIN")
printf '   debrief actions --overdue:            %ss  (the index read, little printed)\n' "$ao"
echo
SITE_COUNT=${SITE_COUNT:-10000}
mixed="$work/mixed"
python3 scripts/gen_site_archive.py "$mixed" --count "$SITE_COUNT" --quiet
echo "5. debrief site on $SITE_COUNT generated debriefs ($(du -sh "$mixed/debriefs" | cut -f1); en, vi, ar, fi, hu, mn), $(nproc) cores"
# The baseline: the cmark CLI rendering the same debriefs' Markdown (debrief render --to md of each) in one process.
mkdir -p "$work/md"
(cd "$mixed" && ls debriefs/*.yml | xargs -P "$(nproc)" -I{} sh -c '"$0" render "$1" --to md -o "$2/md/$(basename "$1" .yml).md"' "$OLDPWD/$BIN" {} "$work")
cat "$work"/md/*.md > "$work/all.md"
cm=$(best cmark "$work/all.md")
peak() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1; }
site_cold() { rm -rf "$mixed/site"; "$@" site --archive "$mixed" -o "$mixed/site" 2>/dev/null; }
site_again() { "$@" site --archive "$mixed" -o "$mixed/site" 2>/dev/null; }
one_change() { f=$(ls "$mixed"/debriefs/*.yml | head -1); sed -i 's/^title: \(.*\)$/title: \1 (edited)/' "$f"; "$@" site --archive "$mixed" -o "$mixed/site" 2>/dev/null; }
sc=$(RUNS=2 best site_cold "$BIN")
site_again "$BIN" > /dev/null
sn=$(best site_again "$BIN")
s1=$(best one_change "$BIN")
rm -rf "$mixed/site"
mem_cold=$(peak "$BIN" site --archive "$mixed" -o "$mixed/site")
mem_again=$(peak "$BIN" site --archive "$mixed" -o "$mixed/site")
printf '   cmark CLI, all their Markdown (%s): %ss (baseline)\n' "$(du -h "$work/all.md" | cut -f1)" "$cm"
printf '   debrief site, cold:                  %ss  %.1fx cmark  peak %s MB\n' "$sc" "$(echo "$sc / $cm" | bc -l)" "$((mem_cold / 1024))"
printf '   debrief site, nothing changed:       %ss  peak %s MB\n' "$sn" "$((mem_again / 1024))"
printf '   debrief site, one debrief changed:   %ss\n' "$s1"
printf '   site: %s in %s files\n' "$(du -sh "$mixed/site" | cut -f1)" "$(find "$mixed/site" -type f | wc -l)"
