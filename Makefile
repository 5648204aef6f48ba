# article-widget: `make serve` to preview, `make test` for everything.
# Each target installs what it needs first (tools/install.sh skips what is there).

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
# wasm-bindgen-test-runner and Playwright both start Debian's Chromium.
export CHROME_BIN ?= /usr/bin/chromium

# Brotli bytes of everything a partner page downloads (see BENCHMARKS.md).
SIZE_BUDGET := 147456

.PHONY: serve build test test-native test-browser test-browser-firefox test-e2e test-engines test-size bench lint tools tools-browsers clean

## Preview on the bundled sample feed at http://127.0.0.1:8080/
serve: tools
	mkdir -p target dist screenshots schema
	trunk serve

## Release build into dist/: article-widget.js, its hashed glue and .wasm, the preview page and sample data
build: tools
	rm -rf dist target/wasm-bindgen
	trunk build --release

## Everything: native tests, browser tests, end-to-end tests in headless Chromium, their core in Firefox and WebKit
test: tools-browsers lint test-native test-browser test-e2e test-engines test-size

test-native:
	cargo test

test-browser:
	cargo test --target wasm32-unknown-unknown

## The wasm-bindgen browser tests in Firefox; needs geckodriver (cargo install geckodriver,
## ~16 min cold on 2 cores, so not part of `make test`)
test-browser-firefox:
	@command -v geckodriver >/dev/null || { echo "test-browser-firefox: needs geckodriver (cargo install geckodriver)" >&2; exit 1; }
	env -u CHROMEDRIVER GECKODRIVER="$$(command -v geckodriver)" cargo test --target wasm32-unknown-unknown

test-e2e: build
	cargo build --release --manifest-path e2e/fault-server/Cargo.toml
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

lint: tools
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
	cargo fmt --check --manifest-path e2e/fault-server/Cargo.toml
	cargo clippy --manifest-path e2e/fault-server/Cargo.toml -- -D warnings

tools:
	tools/install.sh

tools-browsers:
	tools/install.sh browsers

clean:
	rm -rf dist target e2e/fault-server/target e2e/test-results screenshots
