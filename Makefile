# The two commands: `make run` serves the console, `make test` runs every test.
# Both do the set-up they need first (scripts/setup.sh, idempotent).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export RUST_BACKTRACE := 0
# cargo-leptos sets this when it builds the server; setting it for every cargo command
# keeps `cargo test` from rebuilding the server binary the end-to-end tests run.
export LEPTOS_OUTPUT_NAME := ztna-console
# One-shot builds gain nothing from incremental state, which costs gigabytes.
export CARGO_INCREMENTAL := 0
# npm's binaryen (wasm-opt 132) must win over anything else on PATH.
export PATH := $(CURDIR)/end2end/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)


.PHONY: run run-release test setup setup-test fmt-check lint lint-ssr lint-hydrate build unit e2e bench emulator

## Serve the console on http://127.0.0.1:3000 (embedded emulator unless configured).
run: setup
	cargo leptos serve

## The same with an optimised server and WASM bundle (wasm-opt from npm's binaryen).
run-release: setup
	cargo leptos serve --release

## Every test: formatting, lints (ssr and hydrate), unit, contract, integration, end-to-end.
test: setup-test fmt-check lint unit build e2e

setup:
	@scripts/setup.sh

setup-test:
	@scripts/setup.sh --test

fmt-check:
	cargo fmt --all -- --check

lint: lint-ssr lint-hydrate

lint-ssr:
	cargo clippy --workspace --exclude frontend --all-targets -- -D warnings

lint-hydrate:
	cargo clippy -p frontend -p app --features app/hydrate --target wasm32-unknown-unknown -- -D warnings

build:
	cargo leptos build

unit:
	cargo test --workspace --exclude frontend

e2e:
	cd end2end && npx playwright test

## The queue benchmark against the emulator's real 5 req/s limit (prints figures).
bench:
	cargo run --release -p ztna-client --example queue_bench

## The tenant emulator alone, on 127.0.0.1:8443.
emulator:
	cargo run -p ztna-emulator --bin ztna-emulator -- --listen 127.0.0.1:8443
