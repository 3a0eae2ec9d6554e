# debrief: two commands on a fresh machine.
#   make demo   set up, build the release binary, render the example into out/
#   make test   set up, then run the whole test suite
SWIFT ?= swift
BIN := .build/release/debrief
EXAMPLE := examples/bank-deck.yml
# What the test suite drives besides the binary (installed when missing).
TEST_PACKAGES := tmux chromium poppler-utils
PYTHON ?= python3

.PHONY: setup build static demo test bench fuzz soak clean install uninstall

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build -c release --product debrief

demo: build
	@mkdir -p out
	$(BIN) render $(EXAMPLE) --to md -o out/bank-deck.md
	$(BIN) render $(EXAMPLE) --to html -o out/bank-deck.html
	$(BIN) render $(EXAMPLE) --to html --audience client -o out/bank-deck.client.html
	$(BIN) render $(EXAMPLE) --to md --audience client -o out/bank-deck.client.md
	$(BIN) letter $(EXAMPLE) --to md -o out/bank-deck.letter.md
	$(BIN) letter $(EXAMPLE) --to html -o out/bank-deck.letter.html
	@if $(BIN) render $(EXAMPLE) --to pdf --audience client -o out/bank-deck.client.pdf; then \
	  $(BIN) letter $(EXAMPLE) --to pdf -o out/bank-deck.letter.pdf; \
	  echo "Wrote out/bank-deck.client.pdf and out/bank-deck.letter.pdf"; \
	else echo "(No PDF: install Chromium to get out/bank-deck.client.pdf.)"; fi
	@echo "Wrote out/bank-deck.md, out/bank-deck.html, out/bank-deck.client.html, out/bank-deck.client.md, out/bank-deck.letter.md and out/bank-deck.letter.html"

test:
	@bash scripts/setup.sh $(TEST_PACKAGES)
	@$(PYTHON) -c 'import pexpect, pytest, websocket' 2>/dev/null || $(PYTHON) -m pip install -q pexpect pytest websocket-client
	$(SWIFT) build --build-tests
	DEBRIEF_REQUIRE_CHROMIUM=1 $(SWIFT) test --skip-build
	DEBRIEF_BIN=$(CURDIR)/.build/debug/debrief $(PYTHON) -m pytest -q -p no:cacheprovider e2e

bench: build static
	bash scripts/bench.sh
	bash scripts/bench_startup.sh

# libFuzzer on the record loader, quick entry, the Markdown value and name finder, and the renderers
# (FUZZ_SECONDS per target, 60 by default). The test suite replays the corpus.
fuzz: setup
	bash scripts/fuzz.sh

# The long proofs: 200 SIGKILLs in guided sessions in a pseudo-terminal and 200 during add, 8 writers by 200 adds
# (make test runs short versions of the same tests).
soak: setup
	$(SWIFT) build
	DEBRIEF_BIN=$(CURDIR)/.build/debug/debrief DEBRIEF_KILL_RUNS=200 $(PYTHON) -m pytest -q -p no:cacheprovider e2e/guide/test_kill9.py
	DEBRIEF_BIN=$(CURDIR)/.build/debug/debrief DEBRIEF_SOAK_KILLS=200 DEBRIEF_SOAK_WRITERS=8 DEBRIEF_SOAK_ADDS=200 \
	  $(PYTHON) -m pytest -q -s -p no:cacheprovider e2e/soak

# One binary that runs without the Swift toolchain (the Swift runtime and Foundation linked in; the C libraries
# from Debian's packages), its templates, manual pages and completions. PREFIX and DESTDIR as usual.
PREFIX ?= /usr/local
STATIC_BIN := .build-static/release/debrief

static: setup
	$(SWIFT) build -c release --static-swift-stdlib --product debrief --scratch-path .build-static

install: static
	BIN=$(STATIC_BIN) PREFIX=$(PREFIX) DESTDIR=$(DESTDIR) bash scripts/install.sh

uninstall:
	rm -rf $(DESTDIR)$(PREFIX)/bin/debrief $(DESTDIR)$(PREFIX)/share/debrief $(DESTDIR)$(PREFIX)/share/man/man1/debrief.1 \
	  $(DESTDIR)$(PREFIX)/share/man/man1/debrief.*.1 $(DESTDIR)$(PREFIX)/share/bash-completion/completions/debrief \
	  $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_debrief $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/debrief.fish

clean:
	rm -rf .build .build-static Fuzz/.build .build-fuzz-corpus out
