#!/usr/bin/env bash
# Installs debrief: the binary, its templates, the manual pages and the bash, zsh and fish completions.
#
#   scripts/install.sh                 what `make install` runs (the static release binary)
#   BIN=path/to/debrief PREFIX=/opt DESTDIR=/tmp/stage scripts/install.sh
#
# PREFIX (default /usr/local) is where it will live; DESTDIR (default none) stages the tree elsewhere, for a
# package. The manual pages come from the command definitions, through swift-argument-parser's manual
# generator (built here when MANUAL_TOOL does not name it).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build-static/release/debrief}
PREFIX=${PREFIX:-/usr/local}
DESTDIR=${DESTDIR:-}
root="$DESTDIR$PREFIX"
[ -x "$BIN" ] || { echo "install: no binary at $BIN (make install builds it)" >&2; exit 1; }

install -d "$root/bin" "$root/share/debrief" "$root/share/man/man1" \
  "$root/share/bash-completion/completions" "$root/share/zsh/site-functions" "$root/share/fish/vendor_completions.d"
install -m 755 "$BIN" "$root/bin/debrief"
# The templates beside the binary: bin/../share/debrief/templates is where debrief looks.
rm -rf "$root/share/debrief/templates"
cp -R templates "$root/share/debrief/templates"
find "$root/share/debrief/templates" -type d -exec chmod 755 {} +
find "$root/share/debrief/templates" -type f -exec chmod 644 {} +

# Manual pages: debrief(1) and one per subcommand (debrief.render(1) ...).
tool=${MANUAL_TOOL:-}
if [ -z "$tool" ]; then
  swift build --product generate-manual > /dev/null
  tool="$(swift build --show-bin-path)/generate-manual"
fi
man=$(mktemp -d)
trap 'rm -rf "$man"' EXIT
"$tool" "$BIN" --multi-page --date "${MANUAL_DATE:-$(date +%Y-%m-%d)}" --authors "debrief" --output-directory "$man" > /dev/null
# The generator's names (debrief.render.1), which its SEE ALSO sections refer to: `man debrief.render`.
install -m 644 "$man"/*.1 "$root/share/man/man1/"

# Completions, from the same definitions.
"$BIN" --generate-completion-script bash > "$root/share/bash-completion/completions/debrief"
"$BIN" --generate-completion-script zsh > "$root/share/zsh/site-functions/_debrief"
"$BIN" --generate-completion-script fish > "$root/share/fish/vendor_completions.d/debrief.fish"
echo "Installed debrief in $root: bin/debrief, share/debrief/templates, share/man/man1 ($(ls "$root/share/man/man1" | grep -c '^debrief') pages), completions for bash, zsh and fish."
