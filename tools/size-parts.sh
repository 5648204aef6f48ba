#!/bin/sh
# The release .wasm with its function names, for twiggy and tools/size-parts.mjs:
# the release profile, with v0 symbol mangling so that names keep their generic
# arguments (`CompStateInner<article_widget::components::list::ArticleList>`),
# in a target directory of its own; then wasm-bindgen, wasm-opt with the
# flags index.html gives Trunk plus -g to keep the names, and the short import
# names of tools/write-entry.sh.
#   tools/size-parts.sh            → target/size-parts/named.wasm, and the table
set -eu
cd "$(dirname "$0")/.."
out=target/size-parts
RUSTFLAGS="-C symbol-mangling-version=v0" CARGO_TARGET_DIR="$out" \
  cargo build --release --target wasm32-unknown-unknown --lib
wasm-bindgen --target web --out-dir "$out/bindgen" --out-name article-widget \
  "$out/wasm32-unknown-unknown/release/article_widget.wasm"
level=$(sed -n 's/.*data-wasm-opt="\([^"]*\)".*/\1/p' index.html)
params=$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html)
# shellcheck disable=SC2086 # the params are separate flags
wasm-opt "-O${level:-z}" $params -g "$out/bindgen/article-widget_bg.wasm" -o "$out/named.wasm"
node tools/short-imports.mjs "$out/bindgen/article-widget.js" "$out/named.wasm"
node tools/size-parts.mjs "$out/named.wasm"
if command -v twiggy >/dev/null; then
  twiggy top -n 25 "$out/named.wasm" | sed "s/\[[0-9a-f]*\]//g"
fi
