// The release .wasm by part: which code is Yew's, which is ours, which is the
// allocator, core::fmt, the glue. Reads a module that still has its names
// (wasm-opt -Oz -g of the wasm-bindgen output; tools/size-parts.sh makes one
// from the current release build), sorts every function body by the crate and
// module its demangled name mentions first (for monomorphised generics such as
// `CompStateInner<FunctionComponent<article_widget::components::list::List>>`
// that is our code, not Yew's), and prints, per part: raw bytes, the brotli
// bytes of that part's bodies compressed on their own, and that figure scaled
// so that the parts add up to the brotli size of the whole module.
//   node tools/size-parts.mjs named.wasm [--json | --list <part>]
import { readFileSync } from "node:fs";
import { brotliCompressSync, constants } from "node:zlib";
import { WasmReader, leb } from "./wasm-reader.mjs";

const path = process.argv[2];
if (!path) {
  console.error("usage: node tools/size-parts.mjs <module with a name section> [--json]");
  process.exit(2);
}
const bytes = readFileSync(path);
const brotli = (buf) =>
  brotliCompressSync(buf, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  }).length;

// --- a minimal reader of the sections we need -------------------------------
const read = new WasmReader(bytes);
let importedFunctions = 0;
const bodies = []; // [start, end) of each defined function's body
const names = new Map(); // function index → name
const sections = []; // { id, custom, start, end }
while (read.pos < bytes.length) {
  const id = read.byte();
  const len = read.u32();
  const start = read.pos;
  const end = start + len;
  let custom;
  if (id === 0) custom = read.name();
  sections.push({ id, custom, start, end });
  if (id === 2) {
    for (let i = 0, n = read.u32(); i < n; i++) {
      if (read.import().kind === 0) importedFunctions++;
    }
  } else if (id === 10) {
    for (let i = 0, n = read.u32(); i < n; i++) {
      const size = read.u32();
      bodies.push([read.pos, read.pos + size]);
      read.pos += size;
    }
  } else if (id === 0 && custom === "name") {
    while (read.pos < end) {
      const sub = read.byte();
      const subLen = read.u32();
      const subEnd = read.pos + subLen;
      if (sub === 1) {
        for (let i = 0, n = read.u32(); i < n; i++) {
          const index = read.u32();
          names.set(index, read.name());
        }
      }
      read.pos = subEnd;
    }
  }
  read.pos = end;
}
if (names.size === 0) {
  console.error(`size-parts: ${path} has no function names (build it with wasm-opt -g)`);
  process.exit(2);
}

// --- parts -------------------------------------------------------------------
// Our modules, by the first `article_widget::<module>` a name mentions.
const ours = [
  [/^article_widget::components|^article_widget::hooks|^article_widget::ArticleWidget/, "our components and hooks"],
  [/^article_widget::formats::(xml|rss|atom|rfc822)/, "formats: XML, RSS, Atom"],
  [/^article_widget::formats/, "formats: JSON (JSON Feed, WordPress, Ghost, JSON-LD), detection"],
  [/^article_widget::body/, "body sanitiser"],
  [/^article_widget::(load|source)/, "load, source, fetch"],
  [/^article_widget::(i18n|timestamp)/, "i18n, Intl glue, timestamps"],
  [/^article_widget::(url|text)/, "url, text"],
  [/^article_widget::(element|config|contract|error|model)/, "element, config, model, errors"],
  [/^article_widget/, "element, config, model, errors"],
];
// Everything else, by the first of these a name mentions: code that a crate
// instantiates for Yew (a BTreeMap of Yew's scheduler entries) is Yew's.
const theirs = [
  [/\b(yew|implicit_clone|prokio)::/, "yew: vdom, scheduler, hooks, listeners"],
  [/\b(gloo_net|gloo_timers|gloo_events|gloo_utils|futures_util|futures_core|futures_channel|futures_task|wasm_bindgen_futures)::|js_sys::futures/, "async and fetch runtime (futures, gloo, wasm-bindgen-futures)"],
  [/\b(wasm_bindgen|js_sys|web_sys)::|externref|__wbindgen|__wbg|shim$/, "wasm-bindgen glue, externref, js-sys/web-sys calls"],
  [/\b(dlmalloc|talc)::|__rdl_|__rust_(alloc|dealloc|realloc)/, "allocator (dlmalloc, talc)"],
  [/\b(core|alloc)::fmt::|pad_integral|fmt_u\d|float_to_decimal/, "core::fmt"],
  [/panic|unwrap_failed|expect_failed|_fail\b|_fail$|assert_failed|unreachable/, "panics (messages, locations)"],
  [/\b(hashbrown|indexmap)::|collections::/, "std: collections"],
  [/::sort::/, "std: sort"],
  [/\b(core|alloc)::(str|string|char|unicode)::|<str>|<char>|memchr/, "std: str, char, unicode"],
];
const partOf = (label) => {
  const ourMatch = label.match(/article_widget::[A-Za-z_:]+/);
  if (ourMatch) {
    const module = ourMatch[0];
    // A generic instantiated with one of our types is our code.
    for (const [re, part] of ours) if (re.test(module)) return part;
  }
  for (const [re, part] of theirs) if (re.test(label)) return part;
  if (/\b(core|alloc|std)::/.test(label)) return "std: other (Rc, Vec, iterators, cells)";
  return "other (unnamed, compiler intrinsics)";
};

const parts = new Map();
const listed = []; // [part, bytes, name] for --list
const add = (part, raw, chunk) => {
  const entry = parts.get(part) ?? { part, raw: 0, chunks: [], count: 0 };
  entry.raw += raw;
  entry.count += 1;
  entry.chunks.push(chunk);
  parts.set(part, entry);
};
bodies.forEach(([start, end], i) => {
  // v0 mangling names crates with a disambiguator: `yew[ebfa4e225d825265]::…`.
  const label = (names.get(importedFunctions + i) ?? "").replace(/\[[0-9a-f]+\]/g, "");
  add(partOf(label), end - start, bytes.subarray(start, end));
  listed.push([partOf(label), end - start, label]);
});
for (const s of sections) {
  if (s.id === 11) add("data: strings, stylesheet, tables (rodata)", s.end - s.start, bytes.subarray(s.start, s.end));
  else if (s.id === 2) add("imports (names of the glue's JS functions)", s.end - s.start, bytes.subarray(s.start, s.end));
  else if (s.id !== 10 && !(s.id === 0 && s.custom === "name"))
    add("other sections (types, table, exports, custom)", s.end - s.start, bytes.subarray(s.start, s.end));
}

// The release module is the same one without its name section.
const stripped = Buffer.concat(
  [bytes.subarray(0, 8)].concat(
    sections
      .filter((s) => !(s.id === 0 && s.custom === "name"))
      .map((s) => Buffer.concat([Buffer.from([s.id]), leb(s.end - s.start), bytes.subarray(s.start, s.end)])),
  ),
);
const whole = brotli(stripped);
const rows = [...parts.values()].map((p) => ({
  part: p.part,
  functions: p.count,
  raw: p.raw,
  brotliAlone: brotli(Buffer.concat(p.chunks)),
}));
const sumAlone = rows.reduce((t, r) => t + r.brotliAlone, 0);
for (const r of rows) r.brotliShare = Math.round((r.brotliAlone * whole) / sumAlone);
rows.sort((a, b) => b.brotliShare - a.brotliShare);

const listAt = process.argv.indexOf("--list");
if (listAt >= 0) {
  // The largest functions of the parts whose name contains the argument.
  const which = process.argv[listAt + 1] ?? "";
  listed
    .filter(([part]) => part.includes(which))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 40)
    .forEach(([part, size, label]) => console.log(`${size}\t${part}\t${label.slice(0, 220)}`));
} else if (process.argv.includes("--json")) {
  console.log(JSON.stringify({ module: stripped.length, brotli: whole, rows }, null, 2));
} else {
  const n = (x) => x.toLocaleString("en");
  console.log("| part | functions | raw bytes | brotli alone | ≈ brotli share |\n| --- | ---: | ---: | ---: | ---: |");
  for (const r of rows) console.log(`| ${r.part} | ${r.functions || ""} | ${n(r.raw)} | ${n(r.brotliAlone)} | ${n(r.brotliShare)} |`);
  const raw = rows.reduce((t, r) => t + r.raw, 0);
  console.log(`| whole module (without names) | | ${n(stripped.length)} (${n(raw)} counted) | ${n(sumAlone)} | ${n(whole)} |`);
}
