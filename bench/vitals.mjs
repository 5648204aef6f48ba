// make vitals: Lighthouse 12 (mobile lab run: simulated slow 4G, 4× CPU) in
// Debian's Chromium on a plain partner article page (bench/partner.mjs):
// without a widget, with the widget (list, cards, article) and with the
// vanilla-JS baseline (bench/baseline.js). The pages come from one origin, the
// widget from a second one (a CDN), every file brotli-compressed as a CDN
// serves it. Medians of N runs per page go into the "Core Web Vitals" section
// of BENCHMARKS.md.
//   node bench/vitals.mjs [--runs N] [--dist DIR] [--no-write] [--pages a,b] [--serve] [--svg-images]
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { createServer } from "node:http";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { partnerPage } from "./partner.mjs";

const root = new URL("..", import.meta.url).pathname;
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const RUNS = Number(option("--runs", 5));
const dist = option("--dist", join(root, "dist"));
if (!existsSync(join(dist, "article-widget.js"))) throw new Error(`no build in ${dist}: run make build`);
const hasReserveCss = existsSync(join(dist, "article-widget.css"));

// ---- what is served ----

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
const types = { ".jpg": "image/jpeg", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json",
  ".html": "text/html; charset=utf-8", ".svg": "image/svg+xml" };
const typeOf = (name) => types[name.slice(name.lastIndexOf("."))] || "application/octet-stream";

/** One response, compressed once, as a CDN keeps it. */
function file(body, type, cache) {
  const raw = Buffer.from(body);
  const compressible = !type.startsWith("image/") || type === "image/svg+xml";
  return { raw, br: compressible ? brotli(raw) : null, type, cache };
}

const widgetCss = readFileSync(join(root, "styles/widget.css"), "utf8");
const cdnFiles = {};
for (const name of readdirSync(dist).filter((n) => /^article-widget.*\.(js|wasm|css)$/.test(n))) {
  const cache = /^article-widget\.(js|css)$/.test(name) ? "public, max-age=300" : "public, max-age=31536000, immutable";
  cdnFiles[`/w/${name}`] = file(readFileSync(join(dist, name)), typeOf(name), cache);
}
cdnFiles["/b/article-widget.js"] = file(
  readFileSync(join(root, "bench/baseline.js"), "utf8").replace("__WIDGET_CSS__", () => JSON.stringify(widgetCss)),
  "text/javascript", "public, max-age=300",
);

// The sample feed, with its pictures as a publisher serves photos: JPEG
// (bench/images: the sample's stand-in SVGs, rasterised). An SVG with text
// lays its text out in a document of its own, looking fonts up on the main
// thread; a photo is decoded off it. --svg-images keeps the stand-ins.
const svgImages = args.includes("--svg-images");
const feed = readFileSync(join(root, "sample/feed.json"), "utf8");
const imageDir = join(root, svgImages ? "sample/images" : "bench/images");
const servedFeed = svgImages ? feed : feed.replace(/(images\/[\w-]+)\.svg"/g, '$1.jpg"');
// Every picture the page's feed names must be served, or the page measured
// would be one with broken images.
for (const [, name] of servedFeed.matchAll(/"images\/([^"]+)"/g)) {
  if (!existsSync(join(imageDir, name))) throw new Error(`the feed names images/${name}, which ${imageDir} does not have`);
}
const pageFiles = { "/data/feed.json": file(servedFeed, "application/json", "no-cache") };
for (const name of readdirSync(imageDir)) {
  pageFiles[`/data/images/${name}`] = file(readFileSync(join(imageDir, name)), typeOf(name), "public, max-age=86400");
}

const server = createServer(handler(pageFiles));
const cdn = createServer(handler(cdnFiles));
await Promise.all([server, cdn].map((s) => new Promise((r) => s.listen(0, "127.0.0.1", r))));
const origin = `http://127.0.0.1:${server.address().port}`;
const cdnOrigin = `http://127.0.0.1:${cdn.address().port}`;

const widgetHead = [
  hasReserveCss ? `<link rel="stylesheet" href="${cdnOrigin}/w/article-widget.css">` : "",
  `<script type="module" src="${cdnOrigin}/w/article-widget.js"></script>`,
].join("\n");
const element = (attrs) => `<article-widget src="/data/feed.json" ${attrs} lang="vi"></article-widget>`;
// The same list pre-rendered by `article-widget render --style inline` (the
// debug build `make build` makes): its articles are in the page's HTML.
const renderBin = join(root, "target/debug/article-widget");
const prerendered = existsSync(renderBin)
  ? execFileSync(renderBin, ["render", join(root, "sample/feed.json"), "src=/data/feed.json", "layout=list", "limit=6", "lang=vi",
    "--style", "inline", "--assets", `${cdnOrigin}/w/`, "--base", `${origin}/data/feed.json`]).toString()
  : null;
const pages = {
  none: { label: "without a widget", html: partnerPage({}) },
  list: { label: "widget, `layout=list limit=6`", html: partnerPage({ head: widgetHead, widgets: element(`layout="list" limit="6"`) }) },
  cards: { label: "widget, `layout=cards limit=6`", html: partnerPage({ head: widgetHead, widgets: element(`layout="cards" limit="6"`) }) },
  article: { label: "widget, `layout=article`, placed last", html: partnerPage({ head: widgetHead, last: element(`layout="article" item="0"`) }) },
  ...(prerendered && {
    prerendered: { label: "widget pre-rendered (`render --style inline`), `layout=list limit=6`", html: partnerPage({ head: widgetHead, widgets: prerendered }) },
  }),
  baseline: {
    label: "vanilla-JS baseline, `layout=list limit=6`",
    html: partnerPage({ head: `<script type="module" src="${cdnOrigin}/b/article-widget.js"></script>`, widgets: element(`layout="list" limit="6"`) }),
  },
};
for (const [name, page] of Object.entries(pages)) pageFiles[`/${name}.html`] = file(page.html, types[".html"], "no-cache");

function handler(files) {
  return (req, res) => {
    const path = new URL(req.url, "http://localhost").pathname;
    const f = files[path];
    if (!f) {
      res.writeHead(404, { "content-type": "text/plain" });
      return res.end("not found");
    }
    const headers = { "content-type": f.type, "cache-control": f.cache, "access-control-allow-origin": "*", vary: "Accept-Encoding" };
    const br = f.br && /\bbr\b/.test(req.headers["accept-encoding"] || "");
    if (br) headers["content-encoding"] = "br";
    const body = br ? f.br : f.raw;
    headers["content-length"] = body.length;
    res.writeHead(200, headers);
    res.end(body);
  };
}

if (args.includes("--serve")) {
  console.log(`serving ${Object.keys(pages).map((p) => `${origin}/${p}.html`).join(" ")}; Ctrl-C to stop`);
  await new Promise(() => {});
}

// ---- measuring ----

const chosen = option("--pages", Object.keys(pages).join(",")).split(",");
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_BIN || "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const samples = {};
let version = "unknown";
let benchmarkIndex;
try {
  for (let run = 0; run < RUNS; run++) {
    for (const name of chosen) {
      const result = await lighthouse(`${origin}/${name}.html`, {
        port: chrome.port, onlyCategories: ["performance"], output: "json", logLevel: "error",
      });
      const { lhr } = result;
      version = lhr.environment?.hostUserAgent?.match(/Chrome\/([\d.]+)/)?.[1] || version;
      const audit = (id) => lhr.audits[id]?.numericValue;
      benchmarkIndex = lhr.environment?.benchmarkIndex ?? benchmarkIndex;
      const longTasks = (lhr.audits["long-tasks"]?.details?.items || []).map((t) => Math.round(t.duration));
      const sample = {
        score: Math.round((lhr.categories.performance.score ?? 0) * 100),
        fcp: audit("first-contentful-paint"),
        lcp: audit("largest-contentful-paint"),
        cls: audit("cumulative-layout-shift"),
        tbt: audit("total-blocking-time"),
        bytes: audit("total-byte-weight"),
        longTasks,
        benchmarkIndex,
      };
      (samples[name] ||= []).push(sample);
      console.log(`run ${run + 1}/${RUNS} ${name} (benchmark index ${Math.round(benchmarkIndex)}): score ${sample.score}, FCP ${Math.round(sample.fcp)} ms, LCP ${Math.round(sample.lcp)} ms, ` +
        `CLS ${sample.cls.toFixed(3)}, TBT ${Math.round(sample.tbt)} ms, ${(sample.bytes / 1024).toFixed(1)} KB, long tasks [${longTasks.join(", ")}]`);
    }
  }
} finally {
  await chrome.kill();
  server.close();
  cdn.close();
}

// ---- report ----

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const m = (name, key) => median(samples[name].map((s) => s[key]));
const rows = chosen.map((name) => {
  const lost = samples.none && name !== "none" ? ` (${m(name, "score") - m("none", "score") >= 0 ? "+" : "−"}${Math.abs(m(name, "score") - m("none", "score"))})` : "";
  return `| ${pages[name].label} | ${m(name, "score")}${lost} | ${(m(name, "fcp") / 1000).toFixed(2)} s | ${(m(name, "lcp") / 1000).toFixed(2)} s | ` +
    `${m(name, "cls").toFixed(3)} | ${Math.round(m(name, "tbt"))} ms | ${(m(name, "bytes") / 1024).toFixed(1)} KB |`;
});
const table = `| page | performance | FCP | LCP | CLS | TBT | bytes |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join("\n")}`;
console.log(`\n${table}\n`);

const commit = (() => {
  try { return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root }).toString().trim(); } catch { return "unknown"; }
})();
const indexes = Object.values(samples).flat().map((s) => s.benchmarkIndex).filter(Number.isFinite);
const section = `<!-- vitals:begin (written by make vitals: bench/vitals.mjs) -->
## Core Web Vitals on a partner page

Lighthouse ${lhVersion()} (performance only, its default mobile lab run: simulated slow 4G, 4× CPU
slowdown) in headless Chromium ${version}, ${RUNS} runs per page, medians; ${new Date().toISOString().slice(0, 10)}, commit ${commit}.
The page (\`bench/partner.mjs\`) is a plain article: a headline and six paragraphs; list and
cards sit between the 2nd and 3rd paragraphs, the article widget after the last one, as
README.md ("Core Web Vitals") says. The page and its feed come from one origin, the widget's
files from another (a CDN), each response brotli-compressed; the widget pages include
\`article-widget.css\` and \`article-widget.js\` in the \`<head>\`. Bytes are everything the page
downloads (Lighthouse's total byte weight); performance in brackets: points against the page
without a widget. Lighthouse's benchmark index of the machine during the runs: median
${Math.round(median(indexes))} (${Math.round(Math.min(...indexes))}–${Math.round(Math.max(...indexes))}); a machine busy with other work runs
tasks longer, and Total Blocking Time counts each task's time over 50 ms (×4 here).

${table}
<!-- vitals:end -->`;

function lhVersion() {
  try {
    return JSON.parse(readFileSync(join(root, "bench/node_modules/lighthouse/package.json"), "utf8")).version;
  } catch {
    return "12";
  }
}

if (!args.includes("--no-write")) {
  const path = join(root, "BENCHMARKS.md");
  const text = readFileSync(path, "utf8");
  const marked = /<!-- vitals:begin[\s\S]*?<!-- vitals:end -->/;
  const next = marked.test(text)
    ? text.replace(marked, () => section)
    : text.replace(/\n## Size budget/, () => `\n${section}\n\n## Size budget`);
  writeFileSync(path, next.includes(section) ? next : `${text.trimEnd()}\n\n${section}\n`);
  console.log("wrote the Core Web Vitals section of BENCHMARKS.md");
}
