#!/usr/bin/env bash
# Installs what debrief needs from Debian when it is missing:
# the C libraries it links (cmark, libyaml, libedit, libstemmer) and pkg-config.
# Extra package names given as arguments are installed too when missing
# (the test suite asks for chromium, poppler-utils, tmux, python3-pexpect).
set -euo pipefail

need=()
have_pc() { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "$1"; }
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
have_pc libcmark || need+=(libcmark-dev)
have_pc yaml-0.1 || need+=(libyaml-dev)
have_pc libedit || need+=(libedit-dev)
# libstemmer-dev ships no pkg-config file: its header says whether it is there.
[ -f /usr/include/libstemmer.h ] || need+=(libstemmer-dev)
for pkg in "$@"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done

if ((${#need[@]} == 0)); then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup: need root (or sudo) to install: ${need[*]}" >&2; exit 69
  fi
fi
echo "setup: installing ${need[*]}"
# A fresh machine has empty package lists: update once before installing.
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
