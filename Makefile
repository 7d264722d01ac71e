# Carnet — every task a developer or a new user needs. `make run` and `make test` install
# what a fresh Debian/Ubuntu machine lacks (through `make deps`) before doing their work.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run

TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
APP_DEBUG := $(TARGET_DIR)/debug/carnet
XVFB := xvfb-run -a -s "-screen 0 1280x800x24"
LIB_CRATES := -p carnet-core -p carnet-store -p carnet-dossier -p carnet-interop -p carnet-proof
TAURI := ui/node_modules/.bin/tauri

.PHONY: deps run dev demo test lint deny advisories ui-check ui-test unit keyring-test bindings bindings-check licences licences-check e2e robustness fuzz bench bench-app bench-baseline bench-report sample-dossier bundle deb-test screenshot app clean

## deps: installs what is missing (Debian packages, Rust, tauri-driver, the UI's npm packages).
deps:
	@scripts/deps.sh

ui/node_modules/.package-lock.json: ui/package.json ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund
	@touch $@

ui/dist/index.html: ui/node_modules/.package-lock.json ui/index.html ui/vite.config.ts ui/svelte.config.js $(shell find ui/src ui/public -type f 2>/dev/null)
	cd ui && npm run build

## run: builds the app (release) and starts it on its default data folder (CARNET_DATA_DIR moves it).
run: deps ui/dist/index.html
	cargo run --release -p carnet --features tauri/custom-protocol

## dev: the app (debug) on the UI's Vite dev server: a change under ui/src shows at once, a
## change of Rust rebuilds and restarts. The dev server's CSP (scripts/dev.json) lets Vite inject
## styles and talk to its socket; no build a user runs has it.
dev: deps ui/node_modules/.package-lock.json
	$(TAURI) dev --config scripts/dev.json

## demo: builds the app (release) and starts it on a throwaway vault in a temporary folder, filled
## with a fictitious leather workshop of Lyon and a year of its troubles with four marketplaces;
## prints the vault's passphrase; the folder is removed when the app closes.
demo: deps ui/dist/index.html
	cargo build --release -p carnet-store --features generate --bin carnet-generate
	cargo build --release -p carnet --features tauri/custom-protocol
	@dir=$$(mktemp -d "$${TMPDIR:-/tmp}/carnet-demo-XXXXXX"); trap 'rm -rf "$$dir"' EXIT INT TERM; \
	  $(TARGET_DIR)/release/carnet-generate --demo --dir "$$dir"; \
	  echo "Demo vault in $$dir (removed when Carnet closes). Unlock it with the passphrase above."; \
	  CARNET_DATA_DIR="$$dir" $(TARGET_DIR)/release/carnet

## app: the debug build the end-to-end tests drive (with the native dialogs' test bypass).
app: ui/dist/index.html
	cargo build -p carnet --features test-dialogs
	cargo build -p carnet-store --features generate --bin carnet-generate

## test: everything CI checks, in the order that fails fastest.
test: deps ui/dist/index.html
	cargo fmt --all -- --check
	$(MAKE) --no-print-directory lint deny licences-check ui-check ui-test unit keyring-test bindings-check e2e

lint: ui/dist/index.html
	cargo clippy --workspace --all-targets -- -D warnings

ui-check: ui/node_modules/.package-lock.json
	cd ui && npm run check

ui-test: ui/node_modules/.package-lock.json
	cd ui && npm test

## unit: the Rust tests of every crate (property tests, real SQLCipher files, 200 kills, plaintext scan).
unit:
	cargo test $(LIB_CRATES) -p carnet

## keyring-test: "remember on this computer" against a real Secret Service (gnome-keyring on a
## private D-Bus session), then with no session bus at all.
KEYRING_ENV := $(TARGET_DIR)/keyring-env
keyring-test:
	rm -rf $(KEYRING_ENV) && mkdir -p $(KEYRING_ENV)/data $(KEYRING_ENV)/nobus && mkdir -m700 $(KEYRING_ENV)/run
	cargo test -q -p carnet-store --test keyring_os --no-run
	XDG_DATA_HOME=$(KEYRING_ENV)/data XDG_RUNTIME_DIR=$(KEYRING_ENV)/run CARNET_KEYRING_TEST=secret-service \
	  dbus-run-session -- sh -c 'echo carnet | gnome-keyring-daemon --unlock --components=secrets >/dev/null && \
	  cargo test -q -p carnet-store --test keyring_os -- --ignored'
	env -u DBUS_SESSION_BUS_ADDRESS XDG_RUNTIME_DIR=$(KEYRING_ENV)/nobus CARNET_KEYRING_TEST=none \
	  cargo test -q -p carnet-store --test keyring_os -- --ignored

## bindings: regenerates ui/src/lib/bindings from the Rust types (ts-rs).
bindings:
	rm -rf ui/src/lib/bindings
	cargo test -q $(LIB_CRATES) -p carnet export_bindings

## licences: writes the third-party licences the About box lists (crates from cargo metadata,
## the npm packages the page ships, the font) into ui/src/lib/about/licences.json.
licences:
	python3 scripts/licences.py

## licences-check: fails when that file no longer matches Cargo.lock and ui/package-lock.json
## (run `make licences` after adding a dependency and commit the file).
licences-check:
	python3 scripts/licences.py --check

## deny: the dependency graph's licences (a permissive list), bans and sources (crates.io only),
## from Cargo.lock alone (deny.toml says why each allowance is there).
deny:
	cargo deny --locked check licenses bans sources

## advisories: the RustSec advisories against Cargo.lock (fetches the advisory database: needs
## the network; the advisories that come through Tauri are listed and explained in deny.toml).
advisories:
	cargo deny check advisories

## bindings-check: fails when the committed TypeScript bindings differ from the Rust types.
bindings-check:
	rm -rf $(TARGET_DIR)/bindings-check
	TS_RS_EXPORT_DIR=$(TARGET_DIR)/bindings-check cargo test -q $(LIB_CRATES) -p carnet export_bindings
	@diff -r $(TARGET_DIR)/bindings-check ui/src/lib/bindings \
	  || { echo "ui/src/lib/bindings is out of date: run 'make bindings' and commit"; exit 1; }

## e2e: drives the real app window under Xvfb (screenshots in target/e2e-screenshots/).
e2e: app
	$(XVFB) cargo test -p carnet-e2e -- --test-threads=1

## robustness: the adversarial suite with its figures in one table (scripts/robustness.sh): payloads
## tried in the UI, hostile files fed to the parsers, writes under a full disk, kills survived by
## the two crash loops, writes lost (0), plaintext hits (0), fuzz cases per target. Log in
## target/robustness.log. All of these tests also run in `make test`.
ROBUSTNESS_LOG := $(TARGET_DIR)/robustness.log
robustness: app
	@mkdir -p $(TARGET_DIR) && rm -f $(ROBUSTNESS_LOG)
	cargo test -p carnet-core --test fuzz_parsers -- --nocapture 2>&1 | tee -a $(ROBUSTNESS_LOG)
	cargo test -p carnet-store --test fuzz_files --test crash --test crash_journal --test crash_import --test full_disk \
	  --test plaintext --test outside_kill -- --nocapture 2>&1 | tee -a $(ROBUSTNESS_LOG)
	cargo test -p carnet --lib journal_tests_full_disk -- --nocapture 2>&1 | tee -a $(ROBUSTNESS_LOG)
	$(XVFB) cargo test -p carnet-e2e --test hostile --test quit -- --nocapture 2>&1 | tee -a $(ROBUSTNESS_LOG)
	@scripts/robustness.sh $(ROBUSTNESS_LOG)

## fuzz: the long run of the property-based fuzzing (the fuzz_* tests: e-mail import, key file,
## archive, category data) with PROPTEST_CASES=$(FUZZ_CASES) instead of the bounded default of
## `make test` (FUZZ_CASES=100000 make fuzz for longer).
FUZZ_CASES ?= 20000
fuzz:
	PROPTEST_CASES=$(FUZZ_CASES) cargo test -p carnet-core -p carnet-store fuzz_ -- --nocapture 2>&1 \
	  | tee $(TARGET_DIR)/fuzz.log
	@grep -o 'ROBUSTNESS fuzz_[a-z_]*=[0-9]*' $(TARGET_DIR)/fuzz.log | sed 's/^ROBUSTNESS /  /'

## bench: criterion benchmarks of the library crates, among them the journal's on a generated vault
## of 10,000 incidents, 100,000 events and 1,000 pieces (list, search with its p95, dashboard).
bench: deps
	cargo bench $(LIB_CRATES)

## bench-baseline: the dossier benchmark's baseline, the same content (the reference dossier's text and
## images as HTML) printed to PDF by headless Chromium, timed against carnet-dossier's renderer.
bench-baseline:
	scripts/bench-baseline.sh

## sample-dossier: writes sample dossiers (the Médiateur's and the DGE form's, French and English) into
## target/sample/: each PDF, its evidence bundle (ZIP) and the texts of the form's fields.
## And the demo journal (make demo's workshop) exported as one DGE dossier through the app's own
## export, into target/sample/demo/.
sample-dossier:
	cargo run -q -p carnet-dossier --example sample -- --all $(TARGET_DIR)/sample
	CARNET_SAMPLE_DIR=$(TARGET_DIR)/sample/demo cargo test -q -p carnet --lib the_demo_journal_exports_as_one_dossier -- --nocapture

## bench-app: whole-app figures on the release build (tests/src/bin/app-bench.rs): launch to the
## first screen (an empty folder as the baseline), then to the journal of a generated vault of
## 10,000 incidents, 100,000 events and 1,000 pieces, and the memory of all the app's processes.
bench-app: deps ui/dist/index.html
	cargo build --release -p carnet --features tauri/custom-protocol
	cargo build --release -p carnet-store --features generate --bin carnet-generate
	cargo build -p carnet-e2e --bin app-bench
	CARNET_APP_BIN=$(TARGET_DIR)/release/carnet $(XVFB) $(TARGET_DIR)/debug/app-bench --runs 5

## bench-report: every figure of the performance goals in one table, target/bench-report.md
## (scripts/bench-report.py: criterion medians, the app bench over 10 runs, the dossier baseline;
## the .deb's size if `make bundle` built one). Needs chromium for the baseline.
bench-report: deps ui/dist/index.html
	python3 scripts/bench-report.py

## bundle: the .deb and .rpm installers, through the Tauri CLI (Windows msi/nsis and macOS dmg are
## configured in tauri.conf.json and build on those systems). Both are xz-compressed: the .rpm by
## tauri.conf.json, the .deb recompressed after (scripts/deb-xz.sh; Tauri writes it with gzip).
bundle: deps
	$(TAURI) build --bundles deb,rpm
	for deb in $(TARGET_DIR)/release/bundle/deb/*.deb; do scripts/deb-xz.sh "$$deb"; done
	@ls -l $(TARGET_DIR)/release/bundle/deb/*.deb $(TARGET_DIR)/release/bundle/rpm/*.rpm

## deb-test: builds the .deb (release, ~8 min on 2 cores: not in `make test`), installs it, starts
## the installed app under Xvfb, checks its window, quits it with Ctrl+Q, removes the package.
deb-test: bundle
	scripts/deb-install-test.sh

## screenshot: starts the app under Xvfb and writes docs/screenshot.png for the README.
screenshot: deps app
	scripts/screenshot.sh $(APP_DEBUG) docs/screenshot.png

clean:
	cargo clean
	rm -rf ui/dist ui/node_modules
