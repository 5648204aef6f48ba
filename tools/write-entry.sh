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
# The entry: what it shares with the Rust code (src/contract.json, which
# build.rs also reads), then src/early.js, then src/element.js.
node tools/entry.mjs "$glue" "$wasm" > "$dir/article-widget.js"
# Trunk's own minifier rejects wasm-bindgen's glue; terser reads it. The glue
# keeps its content hash: it names the unminified text, which is just as unique.
if [ "${TRUNK_PROFILE:-}" = release ]; then
  for file in "$glue" article-widget.js; do
    terser "$dir/$file" --module --compress --mangle --comments false --output "$dir/$file"
  done
fi
