// The stylesheet as the widget carries it: styles/widget.css without its
// /* … */ comments, each line trimmed, blank lines dropped (build.rs writes
// the same bytes into the crate's STYLESHEET). With --in, also checks that
// the given .wasm carries exactly these bytes, so that the hashed stylesheet
// a pre-rendered widget links is the one the client adopts.
//   node tools/compact-css.mjs styles/widget.css [--in dist/x_bg.wasm] > out.css
import { readFileSync } from "node:fs";

const [source, flag, wasm] = process.argv.slice(2);
let bare = "";
let rest = readFileSync(source, "utf8");
for (let start = rest.indexOf("/*"); start >= 0; start = rest.indexOf("/*")) {
  bare += rest.slice(0, start);
  const end = rest.indexOf("*/", start + 2);
  rest = end >= 0 ? rest.slice(end + 2) : "";
}
bare += rest;
const css = bare
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line !== "")
  .join("\n");
if (flag === "--in" && !readFileSync(wasm).includes(Buffer.from(css, "utf8"))) {
  console.error(`compact-css: ${wasm} does not carry the stylesheet compacted from ${source} (build.rs and this script disagree)`);
  process.exit(1);
}
process.stdout.write(css);
