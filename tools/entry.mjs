// Writes article-widget.js to stdout: the part of src/contract.json the entry
// needs, src/early.js and src/element.js, with the hashed file names filled
// in. Run by tools/write-entry.sh after each Trunk build.
import { readFileSync } from "node:fs";

const [glue, wasm] = process.argv.slice(2);
if (!glue || !wasm) throw new Error("usage: entry.mjs <glue.js> <module.wasm>");
const contract = JSON.parse(readFileSync("src/contract.json", "utf8"));
const entryContract = {
  tag: contract.tag,
  attributes: contract.attributes.map((attribute) => attribute.name),
  shared: { tag: contract.tag, ...contract.shared },
};
const early = readFileSync("src/early.js", "utf8");
const element = readFileSync("src/element.js", "utf8")
  .replaceAll("__GLUE__", glue)
  .replaceAll("__WASM__", wasm);
process.stdout.write(
  `const CONTRACT = ${JSON.stringify(entryContract)};\n${early}\n${element}`,
);
