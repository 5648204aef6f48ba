#!/bin/sh
# Trunk post_build hook: writes article-widget.js, the one stable file a partner
# includes, from src/element.js. It loads the content-hashed wasm-bindgen glue
# and .wasm beside it through import.meta.url, so dist/ works from any origin
# or path.
set -eu
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
glue=$(cd "$dir" && ls article-widget-*.js | head -n 1)
[ -n "$glue" ] || { echo "write-entry: no wasm-bindgen glue in $dir" >&2; exit 1; }
wasm="${glue%.js}_bg.wasm"
[ -f "$dir/$wasm" ] || { echo "write-entry: $wasm is missing" >&2; exit 1; }
# Release builds: the names the .wasm imports the glue's functions by, made
# short in both (the same functions, ~5 KB less to download).
if [ "${TRUNK_PROFILE:-}" = release ]; then
  node tools/short-imports.mjs "$dir/$glue" "$dir/$wasm"
fi
# The entry: what it shares with the Rust code (src/contract.json, which
# build.rs also reads), then src/early.js, then src/element.js.
node tools/entry.mjs "$glue" "$wasm" > "$dir/article-widget.js"
# The stylesheet under its content hash, for pre-rendered widgets to link
# (`article-widget render` computes the same name from the same bytes, the
# crate's STYLESHEET: compacted as build.rs does, checked against the .wasm).
compact=$(mktemp)
node tools/compact-css.mjs styles/widget.css --in "$dir/$wasm" > "$compact"
css="article-widget-$(sha256sum "$compact" | cut -c1-16).css"
mv "$compact" "$dir/$css"
chmod 644 "$dir/$css"
# article-widget.css, and the same rules inside article-widget.js.
node tools/write-reserve.mjs "$dir"
# Trunk's own minifier rejects wasm-bindgen's glue; terser reads it. The glue
# keeps its content hash: it names the unminified text, which is just as unique.
if [ "${TRUNK_PROFILE:-}" = release ]; then
  for file in "$glue" article-widget.js; do
    terser "$dir/$file" --module --compress --mangle --comments false --output "$dir/$file"
  done
fi
# The preview page's pre-rendered widget, from the render binary that
# `make build` and `make serve` build first (the debug build `cargo test
# --workspace` shares; skipped when it is not built).
# Its feed is embedded, so its relative URLs resolve against the page: the
# sample's images are made relative to the page, and the server resolves them
# against `make serve`'s address.
bin=target/debug/article-widget
if [ -x "$bin" ] && grep -q "PRE-RENDERED WIDGET" "$dir/index.html"; then
  snippet=$(mktemp)
  sed 's|"images/|"sample/images/|' sample/feed.json |
    "$bin" render - layout=list limit=3 heading-level=3 lang=vi \
      --base http://127.0.0.1:8080/ -o "$snippet"
  sed -i -e "/PRE-RENDERED WIDGET/r $snippet" -e "/PRE-RENDERED WIDGET/d" "$dir/index.html"
  rm -f "$snippet"
fi
