# article-widget: `make serve` to preview, `make test` for everything.
# Each target installs what it needs first (tools/install.sh skips what is there).

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
# wasm-bindgen-test-runner and Playwright both start Debian's Chromium.
export CHROME_BIN ?= /usr/bin/chromium

# Brotli bytes of everything a partner page downloads (see BENCHMARKS.md).
SIZE_BUDGET := 155648

.PHONY: fuzz sri serve build test test-native test-browser test-browser-firefox test-e2e test-engines test-size bench load vitals lint tools tools-browsers clean

## Preview on the bundled sample feed at http://127.0.0.1:8080/, with the feed
## service beside it at http://127.0.0.1:8090/v1/feed?src=http://127.0.0.1:8080/sample/feed.json
## (the preview's "Qua dịch vụ feed" section reads sample/rss.xml through it;
## e2e/preview.spec.mjs starts the service with these same flags)
serve: tools
	mkdir -p target dist screenshots schema
	cargo build -p article-widget-cli
	target/debug/article-widget serve --listen 127.0.0.1:8090 \
	  --allow http://127.0.0.1:8080 --allow-loopback --max-age 5 & \
	  service=$$!; trap 'kill $$service 2>/dev/null' EXIT INT TERM; trunk serve

## Release build into dist/: article-widget.js, its hashed glue, .wasm and stylesheet, the preview page and sample data;
## the npm package in dist/npm/ and the versioned CDN files in dist/v<version>/ (tools/package.mjs)
build: tools
	rm -rf dist target/wasm-bindgen
	cargo build -p article-widget-cli
	trunk build --release
	node tools/package.mjs

## After a change that alters the build: rewrite README's integrity hash of the versioned entry
sri: build
	node tools/package.mjs --readme

## Everything: native tests, browser tests, end-to-end tests in headless Chromium, their core in Firefox and WebKit
test: tools-browsers lint test-native test-browser test-e2e test-engines test-size

## The library's tests and the feed service's (which start their own
## service and fault server on free ports)
test-native:
	cargo test --workspace

test-browser:
	cargo test --target wasm32-unknown-unknown

## The wasm-bindgen browser tests in Firefox; needs geckodriver (cargo install geckodriver,
## ~16 min cold on 2 cores, so not part of `make test`)
test-browser-firefox:
	@command -v geckodriver >/dev/null || { echo "test-browser-firefox: needs geckodriver (cargo install geckodriver)" >&2; exit 1; }
	env -u CHROMEDRIVER GECKODRIVER="$$(command -v geckodriver)" cargo test --target wasm32-unknown-unknown

test-e2e: build
	cargo build --release --manifest-path e2e/fault-server/Cargo.toml
	tools/hosts.sh
	node --test tests/npm.test.mjs
	npx playwright test --config e2e/playwright.config.mjs

## The end-to-end core in Chromium, Firefox and WebKit (e2e/engines); ENGINES=firefox for one
test-engines: tools-browsers build
	cargo build --release --manifest-path e2e/fault-server/Cargo.toml
	node --test --test-reporter=spec e2e/engines/core.test.mjs

## The size budget, on the release build that test-e2e made
test-size:
	node tools/size.mjs --budget $(SIZE_BUDGET)

## Widget vs the vanilla-JS baseline, side by side; writes BENCHMARKS.md
bench: tools-browsers build
	node bench/run.mjs

## Coverage-guided fuzzing (cargo fuzz, libFuzzer) for longer runs: needs a
## nightly toolchain; `make test` runs the property tests on stable instead.
FUZZ_SECONDS ?= 300
fuzz:
	@rustup toolchain list | grep -q nightly || { echo "make fuzz: cargo fuzz needs a nightly toolchain (rustup toolchain install nightly), which this machine has not; make test runs the property tests (tests/properties.rs) on stable."; exit 1; }
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
	cd fuzz && for target in formats text; do cargo +nightly fuzz run $$target -- -max_total_time=$(FUZZ_SECONDS) || exit 1; done

## The feed service under wrk, against nginx serving the same bytes; writes
## bench/load.md and its section of BENCHMARKS.md
load:
	tools/install.sh load
	bench/load.sh

## Lighthouse on a partner page without and with the widget (and the baseline);
## writes the "Core Web Vitals" section of BENCHMARKS.md. Slow: not part of `make test`.
vitals: tools-browsers build
	tools/install.sh vitals
	node bench/vitals.mjs

lint: tools
	cargo fmt --check --all
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p article-widget --all-targets --target wasm32-unknown-unknown -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet
	cargo fmt --check --manifest-path e2e/fault-server/Cargo.toml
	cargo clippy --manifest-path e2e/fault-server/Cargo.toml -- -D warnings

tools:
	tools/install.sh

tools-browsers:
	tools/install.sh browsers

clean:
	rm -rf dist target e2e/fault-server/target e2e/test-results e2e/hosts/build screenshots
