// Shortens the names the .wasm imports its JavaScript functions by, in the
// .wasm and in the wasm-bindgen glue that provides them. wasm-bindgen names
// each import `__wbg_<function>_<16 hex digits>` under the module
// "./<name>_bg.js": about 12 KB of the module's import section and as much of
// the glue, which brotli shrinks to ~3 KB and ~2 KB. Here they become `a`, `b`,
// … under the module "w". Every name must appear exactly once in the glue,
// as the key of its function, or nothing is written.
//   node tools/short-imports.mjs <glue.js> <module_bg.wasm>   (rewrites both)
import { readFileSync, writeFileSync } from "node:fs";
import { WasmReader, leb } from "./wasm-reader.mjs";

const [gluePath, wasmPath] = process.argv.slice(2);
if (!gluePath || !wasmPath) {
  console.error("usage: node tools/short-imports.mjs <glue.js> <module_bg.wasm>");
  process.exit(2);
}
const fail = (message) => {
  console.error(`short-imports: ${message}; ${gluePath} and ${wasmPath} are left as they were`);
  process.exit(1);
};
const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, "utf8");

const text = (s) => Buffer.concat([leb(Buffer.byteLength(s)), Buffer.from(s, "utf8")]);

const read = new WasmReader(wasm);

// a … z, A … Z, then two letters: valid JavaScript keys, none a keyword.
const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const short = (i) => (i < letters.length ? letters[i] : letters[Math.floor(i / letters.length) - 1] + letters[i % letters.length]);
const MODULE = "w";

const out = [wasm.subarray(0, 8)];
let renamed = 0;
let module;
while (read.pos < wasm.length) {
  const id = read.byte();
  const len = read.u32();
  const start = read.pos;
  const end = start + len;
  if (id !== 2) {
    out.push(Buffer.from([id]), leb(len), wasm.subarray(start, end));
    read.pos = end;
    continue;
  }
  const entries = [];
  const count = read.u32();
  for (let i = 0; i < count; i++) {
    const { module: mod, field, kind, descStart } = read.import();
    if (kind > 3) fail(`import kind ${kind} of ${field} is not one this script reads`);
    const desc = wasm.subarray(descStart, read.pos);
    if (module === undefined) module = mod;
    if (mod !== module) fail(`imports from two modules (${module}, ${mod})`);
    const key = short(renamed++);
    // The key of this function in the glue's import object, exactly once.
    const pattern = new RegExp(`(?<![\\w$])${field.replace(/\$/g, "\\$")}(?=:)`, "g");
    const found = glue.match(pattern)?.length ?? 0;
    const anywhere = glue.split(field).length - 1;
    if (found !== 1 || anywhere !== 1) fail(`${field} appears ${anywhere} times in the glue, ${found} as a key`);
    glue = glue.replace(pattern, key);
    entries.push(Buffer.concat([text(MODULE), text(key), desc]));
  }
  if (read.pos !== end) fail("the import section did not read to its end");
  const body = Buffer.concat([leb(count), ...entries]);
  out.push(Buffer.from([2]), leb(body.length), body);
  read.pos = end;
}
if (module === undefined) fail("no imports");
const moduleKey = `${JSON.stringify(module)}: import0`;
if (glue.split(moduleKey).length !== 2) fail(`the glue does not name its import object once as ${moduleKey}`);
glue = glue.replace(moduleKey, `${MODULE}: import0`);

const rewritten = Buffer.concat(out);
try {
  new WebAssembly.Module(rewritten);
} catch (error) {
  fail(`the rewritten module does not compile: ${error.message}`);
}
writeFileSync(wasmPath, rewritten);
writeFileSync(gluePath, glue);
console.log(`short-imports: ${renamed} imports renamed, ${wasm.length - rewritten.length} bytes fewer in the .wasm`);
