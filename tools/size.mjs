// Transfer size of everything a partner page downloads from dist/: the entry
// module, the wasm-bindgen glue, the .wasm (which carries the stylesheet) and
// any snippets. Prints raw, gzip -9 and brotli (quality 11) bytes.
//   node tools/size.mjs [--json] [--budget BYTES]   (fails when brotli total > BYTES)
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const dist = new URL("../dist/", import.meta.url).pathname;
const args = process.argv.slice(2);
const budgetAt = args.indexOf("--budget");
const budget = budgetAt >= 0 ? Number(args[budgetAt + 1]) : undefined;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      // npm/ and v<version>/ hold copies of the same files (tools/package.mjs).
      if (name !== "sample" && name !== "npm" && !/^v\d/.test(name)) yield* files(path);
    } else if (/\.(js|wasm|css)$/.test(name) && !name.startsWith("preview-")) {
      yield path;
    }
  }
}

const rows = [...files(dist)].sort().map((path) => {
  const bytes = readFileSync(path);
  return {
    file: relative(dist, path),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
});
if (!rows.some((r) => r.file.endsWith(".wasm"))) {
  console.error("size: no .wasm in dist/ (run make build first)");
  process.exit(2);
}
const total = rows.reduce(
  (t, r) => ({ file: "total", raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
  { file: "total", raw: 0, gzip: 0, brotli: 0 },
);

if (args.includes("--json")) {
  console.log(JSON.stringify({ files: rows, total }, null, 2));
} else {
  console.log("| file | raw | gzip -9 | brotli |\n| --- | ---: | ---: | ---: |");
  for (const r of [...rows, total]) {
    const name = r.file.replace(/-[0-9a-f]+/g, "-<hash>");
    console.log(`| ${name} | ${r.raw.toLocaleString("en")} | ${r.gzip.toLocaleString("en")} | ${r.brotli.toLocaleString("en")} |`);
  }
}
if (budget !== undefined) {
  if (total.brotli > budget) {
    console.error(`size: ${total.brotli} bytes brotli is over the budget of ${budget} bytes`);
    process.exit(1);
  }
  console.log(`size: ${total.brotli} bytes brotli, within the budget of ${budget} bytes`);
}
