// make bench: the release widget and the vanilla-JS baseline (bench/baseline.js)
// measured side by side, alternating, in headless Chromium on 127.0.0.1, and
// written to BENCHMARKS.md as medians and widget / baseline ratios.
//   node bench/run.mjs [--runs N] [--cycles N] [--no-write] [--serve] [--paint-only]
// --paint-only measures the time to the first headline paint alone and prints
// it (BENCHMARKS.md is left alone). BENCH_DIST=dir measures or serves another
// build than dist/, BENCH_PORT=n serves on that port: two servers of two
// builds make an A/B comparison of a change.
import { chromium } from "@playwright/test";
import { createServer } from "node:http";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const root = new URL("..", import.meta.url).pathname;
const dist = process.env.BENCH_DIST || join(root, "dist");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const RUNS = option("--runs", 15);
const CYCLES = option("--cycles", 1000);
const PAINT_ONLY = args.includes("--paint-only");

// ---- what is served ----

const css = readFileSync(join(root, "styles/widget.css"), "utf8");
const baselineJs = readFileSync(join(root, "bench/baseline.js"), "utf8").replace("__WIDGET_CSS__", JSON.stringify(css));
const glue = readdirSync(dist).find((n) => /^article-widget-[0-9a-f]+\.js$/.test(n));
if (!glue) throw new Error("no release build in dist/: run make build");
const seed = JSON.parse(readFileSync(join(root, "sample/feed.json"), "utf8"));
const big = {
  version: "https://jsonfeed.org/version/1.1",
  title: "1000 items",
  items: Array.from({ length: 1000 }, (_, i) => {
    const model = seed.items[i % seed.items.length];
    const at = new Date(Date.UTC(2021, 5, 25, 4, 15) - i * 3_600_000).toISOString().replace(".000Z", "Z");
    // A list feed carries a summary and the lead, not the whole story: ~1 KB an item.
    const lead = (model.content_text || "").split(/\n\s*\n/)[0];
    return { ...model, id: `item-${i}`, url: `https://news.example/items/${i}`, title: `${i + 1}. ${model.title}`,
      content_text: lead, content_html: undefined, date_published: at };
  }),
};
// The same 1000 items as WordPress and JSON Feed exports carry them: each
// with its whole story as a ~3 KB content_html body and a figure.
const story = (i) => {
  const paragraphs = (seed.items[0].content_text || "").split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const figure = `<figure><img src="https://news.example/images/${i}.jpg" alt="Ảnh ${i}" width="1200" height="675"><figcaption>Các đại biểu dự Hội nghị ${i}</figcaption></figure>`;
  const text = paragraphs.map((p) => `<p>${p.replace(/</g, "&lt;")}</p>`);
  return [text[0], figure, ...text.slice(1), ...text.slice(1)].join("\n").slice(0, 3200);
};
const full = {
  ...big,
  title: "1000 items with full bodies",
  items: big.items.map((item, i) => ({ ...item, content_text: undefined, content_html: story(i) })),
};
const data = {
  "seed.json": JSON.stringify({ ...seed, items: [seed.items[0]] }),
  "feed-1000.json": JSON.stringify(big),
  "feed-1000-full.json": JSON.stringify(full),
};

const scenarios = {
  seed: { widgets: 1, attrs: () => `src="/data/seed.json" layout="article" lang="vi"` },
  list: { widgets: 1, attrs: () => `src="/data/feed-1000.json" layout="list" limit="100" lang="vi"` },
  "list-full": { widgets: 1, attrs: () => `src="/data/feed-1000-full.json" layout="list" limit="100" lang="vi"` },
  twenty: { widgets: 20, attrs: (i) => `src="/data/seed.json?instance=${i}" layout="list" limit="5" lang="vi"` },
  // The seed article again, every response held back by a round trip, as on a real network.
  "seed-rtt": { widgets: 1, attrs: () => `src="/data/seed.json" layout="article" lang="vi"`, latency: 100 },
};

// The seed article pre-rendered by `article-widget render` (the debug build
// that `cargo test --workspace` and `make build` make), its stylesheet linked
// and inline, for the first-headline measurement; without the binary that
// section is left out.
const renderBin = join(root, "target/debug/article-widget");
const prerender = (style) => execFileSync(renderBin, ["render", "-", "src=/data/seed.json", "layout=article", "lang=vi",
  "--assets", "/w/", "--base", "http://bench.invalid/", "--style", style], { input: data["seed.json"] }).toString();
const snippet = existsSync(renderBin) ? prerender("link") : null;
const snippetInline = snippet && prerender("inline");
// Polls every frame until the first headline is laid out, and keeps when; and
// keeps the largest-contentful-paint entries, which give when the headline was
// painted (presented, as first-contentful-paint is): the first entry for
// something other than the page's own paragraph from that frame on (the
// headline's text, inside the shadow root, is larger than the paragraph).
const headlineWatch = `<script>
  window.__lcp = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__lcp.push([e.startTime, e.element?.nodeName === "P"]);
  }).observe({ type: "largest-contentful-paint", buffered: true });
  (function poll() {
    const w = document.querySelector("article-widget");
    const h = w && w.shadowRoot && w.shadowRoot.querySelector("[part=headline]");
    if (h && h.textContent.trim() && h.getBoundingClientRect().height > 0) window.__headlineAt = performance.now();
    else requestAnimationFrame(poll);
  })();
</script>`;
// The pre-rendered kinds: "p" the linked snippet in the partner's page as it
// is, "i" the inline-style snippet (nothing to fetch before the headline), and
// "h" the linked snippet with its stylesheet also linked in the page's head.
// In Chromium a stylesheet link in the body holds the parser (and so the
// headline after it) until it loads; linked in the head, it holds the page's
// own first paint instead.
const widgetCss = readdirSync(dist).find((n) => /^article-widget-[0-9a-f]+\.css$/.test(n));
const PRERENDERED = ["p", "i", "h"];
function paintPage(kind) {
  const body = { p: snippet, h: snippet, i: snippetInline }[kind] ??
    `<article-widget src="/data/seed.json" layout="article" lang="vi"></article-widget>`;
  const impl = kind === "b" ? "b" : "w";
  const head = kind === "h" ? `<link rel="stylesheet" href="/w/${widgetCss}">\n` : "";
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${kind} first headline</title>
${head}${headlineWatch}
<script type="module" src="/${impl}/article-widget.js"></script></head>
<body><p>Trang của đối tác.</p>${body}</body></html>`;
}

function page(impl, scenario) {
  const { widgets, attrs } = scenarios[scenario];
  const elements = Array.from({ length: widgets }, (_, i) => `<article-widget ${attrs(i)}></article-widget>`).join("\n");
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${impl} ${scenario}</title>
<script>
  let readyCount = 0;
  document.addEventListener("article-widget:ready", () => {
    if (++readyCount === ${widgets} && window.__readyAt === undefined) window.__readyAt = performance.now();
  });
</script>
<script type="module" src="/${impl}/article-widget.js"></script></head>
<body>${elements}</body></html>`;
}

const types = { ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json", ".html": "text/html; charset=utf-8", ".svg": "image/svg+xml" };
const typeOf = (name) => types[name.slice(name.lastIndexOf("."))] || "application/octet-stream";

const handler = (req, res) => {
  const url = new URL(req.url, "http://localhost");
  const send = (status, body, type, cache = "no-store") => {
    res.writeHead(status, { "content-type": type, "cache-control": cache });
    res.end(body);
  };
  const [, impl, ...rest] = url.pathname.split("/");
  const name = rest.join("/");
  if (impl === "data" && data[name]) return send(200, data[name], "application/json");
  // The sample's images, wherever a relative URL resolves them: against the
  // feed's URL (/data/) or, for a feed inlined in the page, the page's (/w/, /b/).
  if (/^images\/[\w.-]+$/.test(name)) return send(200, readFileSync(join(root, "sample", name)), typeOf(name), "max-age=3600");
  if (impl === "b" && name === "article-widget.js") return send(200, baselineJs, "text/javascript", "max-age=300");
  if ([...PRERENDERED, "w", "b"].includes(impl) && name === "first-headline.html" && snippet) {
    return send(200, paintPage(impl), "text/html; charset=utf-8");
  }
  const scenario = name.replace(/\.html$/, "");
  if ((impl === "w" || impl === "b") && name.endsWith(".html") && Object.hasOwn(scenarios, scenario)) {
    return send(200, page(impl, scenario), "text/html; charset=utf-8");
  }
  if (impl === "w" && /^[\w.-]+$/.test(name)) {
    try {
      // The cache lifetimes README.md gives for a CDN: hashed files are immutable.
      const cache = name === "article-widget.js" ? "max-age=300" : "max-age=31536000, immutable";
      return send(200, readFileSync(join(dist, name)), typeOf(name), cache);
    } catch {}
  }
  send(404, "not found", "text/plain");
};

const server = createServer(handler);
await new Promise((r) => server.listen(Number(process.env.BENCH_PORT || 0), "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;
// The same files, each response sent 100 ms late: a round trip on a real network.
const slowServer = createServer((req, res) => setTimeout(() => handler(req, res), 100));
await new Promise((r) => slowServer.listen(0, "127.0.0.1", r));
const slowOrigin = `http://127.0.0.1:${slowServer.address().port}`;
if (args.includes("--serve")) {
  // For looking at the pages by hand: /w/seed.html, /b/list.html, …
  console.log(`serving ${origin}/{w,b}/{${Object.keys(scenarios).join(",")}}.html; Ctrl-C to stop`);
  await new Promise(() => {});
}

// ---- measuring ----

const launch = (jsFlags) => chromium.launch({
  executablePath: process.env.CHROME_BIN || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-quic", "--no-first-run", `--js-flags=${jsFlags}`],
});
const browser = await launch("--expose-gc");

async function timeToReady(pageHandle, load) {
  await load();
  try {
    await pageHandle.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 30_000 });
  } catch (error) {
    const states = await pageHandle.evaluate(() =>
      [...document.querySelectorAll("article-widget")].map((w) => w.getAttribute("data-state")));
    throw new Error(`${pageHandle.url()} never became ready (states: ${states.join(", ")}): ${error.message}`);
  }
  return pageHandle.evaluate(() => window.__readyAt);
}

const samples = {};
const record = (key, value) => (samples[key] ||= []).push(value);

for (let run = 0; run < (PAINT_ONLY ? 0 : RUNS); run++) {
  for (const scenario of Object.keys(scenarios)) {
    // Alternate which implementation goes first, so neither always gets the warmer machine.
    const order = run % 2 === 0 ? ["w", "b"] : ["b", "w"];
    for (const impl of order) {
      const context = await browser.newContext();
      const p = await context.newPage();
      const url = scenarios[scenario].latency
        ? `${slowOrigin}/${impl}/seed.html`
        : `${origin}/${impl}/${scenario}.html`;
      record(`${scenario}/cold/${impl}`, await timeToReady(p, () => p.goto(url)));
      record(`${scenario}/warm/${impl}`, await timeToReady(p, () => p.reload()));
      await context.close();
    }
  }
  process.stdout.write(`run ${run + 1}/${RUNS}\r`);
}

async function heap(impl, inBrowser = browser) {
  const context = await inBrowser.newContext();
  const p = await context.newPage();
  await p.goto(`${origin}/${impl}/seed.html`);
  await p.waitForFunction(() => window.__readyAt !== undefined);
  const cdp = await context.newCDPSession(p);
  const json = data["seed.json"];
  const cycle = (n) =>
    p.evaluate(async ([n, json]) => {
      for (let i = 0; i < n; i++) {
        const el = document.createElement("article-widget");
        const island = document.createElement("script");
        island.type = "application/json";
        island.textContent = json;
        el.append(island);
        const ready = new Promise((r) => el.addEventListener("article-widget:ready", r, { once: true }));
        document.body.append(el);
        await ready;
        el.remove();
        await new Promise((r) => setTimeout(r, 0));
      }
    }, [n, json]);
  const measure = async () => {
    for (let i = 0; i < 3; i++) await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    const { nodes, jsEventListeners } = await cdp.send("Memory.getDOMCounters");
    const wasmBytes = impl === "w"
      ? await p.evaluate(async (glue) => (await (await import(`/w/${glue}`)).default()).memory.buffer.byteLength, glue)
      : 0;
    return { usedSize, nodes, jsEventListeners, wasmBytes };
  };
  await cycle(10);
  const after10 = await measure();
  await cycle(CYCLES - 10);
  const after = await measure();
  // As many cycles again: what a page that keeps going ends with. V8's
  // compiled code (optimised JS, tiered-up wasm functions) grows the heap for
  // a while after the first cycles, then levels off; retained objects would not.
  await cycle(CYCLES);
  const twice = await measure();
  await context.close();
  return { after10, after, twice };
}
const heaps = PAINT_ONLY ? null : { w: await heap("w"), b: await heap("b") };
// The same cycles with V8's optimising compilers off (Maglev, TurboFan): what
// the heap grows by then is what the page keeps, not code V8 compiled for
// the functions that ran hot (the glue's calls into the page, the bench's loop).
const interpreted = PAINT_ONLY ? null : await (async () => {
  const plain = await launch("--expose-gc --no-maglev --no-opt");
  try {
    return { w: await heap("w", plain), b: await heap("b", plain) };
  } finally {
    await plain.close();
  }
})();

// Time to the first headline paint, cold: pre-rendered (linked, inline, linked
// also in the head), client-rendered, baseline; and each pre-rendered page's FCP.
const paints = { p: [], i: [], h: [], w: [], b: [], fcp: { p: [], i: [], h: [], w: [], b: [] }, painted: { p: [], i: [], h: [], w: [], b: [] } };
if (snippet) {
  const kinds = [...PRERENDERED, "w", "b"];
  for (let run = 0; run < RUNS; run++) {
    for (const kind of run % 2 === 0 ? kinds : [...kinds].reverse()) {
      const context = await browser.newContext();
      const p = await context.newPage();
      await p.goto(`${origin}/${kind}/first-headline.html`);
      await p.waitForFunction(() => window.__headlineAt !== undefined, null, { timeout: 30_000 });
      paints[kind].push(await p.evaluate(() => window.__headlineAt));
      paints.fcp[kind].push(await p.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN));
      const painted = await p.waitForFunction(
        () => window.__lcp.find(([at, own]) => !own && at >= window.__headlineAt)?.[0], null, { timeout: 5_000 },
      ).then((handle) => handle.jsonValue(), () => NaN);
      paints.painted[kind].push(painted);
      await context.close();
    }
  }
}

const version = browser.version();
await browser.close();
server.close();
slowServer.close();

// ---- sizes ----

function sizes(files) {
  return files.reduce((t, bytes) => ({
    raw: t.raw + bytes.length,
    gzip: t.gzip + gzipSync(bytes, { level: 9 }).length,
    brotli: t.brotli + brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }), { raw: 0, gzip: 0, brotli: 0 });
}
const widgetFiles = readdirSync(dist).filter((n) => /^article-widget.*\.(js|wasm)$/.test(n)).map((n) => readFileSync(join(dist, n)));
const size = { w: sizes(widgetFiles), b: sizes([Buffer.from(baselineJs)]) };

// ---- report ----

/** The value below which the fraction `q` of `xs` lies, interpolated between neighbours. */
const quantile = (xs, q) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  return s[Math.floor(i)] + (s[Math.ceil(i)] - s[Math.floor(i)]) * (i - Math.floor(i));
};
const median = (xs) => quantile(xs, 0.5);
const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (x) => `${(x / 1024).toFixed(1)} KB`;
const ratio = (w, b) => `${(w / b).toFixed(2)}×`;
const pct = (x) => `${x >= 0 ? "+" : "−"}${Math.abs(x * 100).toFixed(1)}%`;
if (PAINT_ONLY) {
  const m = (xs) => ms(median(xs));
  const late = (k) => paints.painted[k].map((at, i) => at - paints.fcp[k][i]);
  const row = (k) => `${m(paints[k])} / ${m(paints.painted[k])} / ${m(paints.fcp[k])} / ${m(late(k))}`;
  console.log(`first headline, ${RUNS} runs, medians (headline laid out / headline painted / page FCP / painted after FCP):\n` +
    `  pre-rendered, inline style: ${row("i")}\n  pre-rendered, linked: ${row("p")}\n` +
    `  pre-rendered, linked, also in the head: ${row("h")}\n  client-rendered: ${row("w")}\n  baseline: ${row("b")}`);
  process.exit(0);
}
const labels = {
  seed: "seed article, `layout=article`",
  list: "100 of 1000 items, `layout=list`",
  "list-full": "100 of 1000 items with ~3 KB bodies and a figure each, `layout=list`",
  twenty: "twenty instances on one page",
  "seed-rtt": "seed article, every response 100 ms late",
};
const rows = [];
for (const scenario of Object.keys(scenarios)) {
  for (const temp of ["cold", "warm"]) {
    const ws = samples[`${scenario}/${temp}/w`];
    const bs = samples[`${scenario}/${temp}/b`];
    const [w, b] = [median(ws), median(bs)];
    // Each run measures both, one after the other: the ratio of each run's
    // pair, and the middle half of those ratios, is the run-to-run spread.
    const ratios = ws.map((x, i) => x / bs[i]);
    const [low, high] = [quantile(ratios, 0.25), quantile(ratios, 0.75)];
    rows.push(`| ${labels[scenario]}, ${temp} | ${ms(w)} | ${ms(b)} | ${ratio(w, b)} | ${low.toFixed(2)}–${high.toFixed(2)}× |`);
  }
}
const heapRow = (impl, measured, jits) => {
  const { after10, after, twice } = measured[impl];
  const name = `${impl === "w" ? "widget" : "baseline"}${jits ? "" : ", optimising JITs off"}`;
  const growth = (from, to) => `${kb(to.usedSize - from.usedSize)} (${pct(to.usedSize / from.usedSize - 1)})`;
  return `| ${name} | ${kb(after10.usedSize)} | ${kb(after.usedSize)} | ${growth(after10, after)} | ${kb(twice.usedSize)} | ${growth(after, twice)} | ${after10.nodes} → ${after.nodes} → ${twice.nodes} | ${after10.jsEventListeners} → ${after.jsEventListeners} → ${twice.jsEventListeners} | ${impl === "w" ? `${kb(after10.wasmBytes)} → ${kb(after.wasmBytes)} → ${kb(twice.wasmBytes)}` : "–"} |`;
};
const heapRows = PAINT_ONLY ? [] : ["w", "b"].flatMap((impl) => [heapRow(impl, heaps, true), heapRow(impl, interpreted, false)]);
const cpu = cpus()[0]?.model?.trim() || "unknown CPU";
const date = new Date().toISOString().slice(0, 10);
const commit = (() => {
  try { return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root }).toString().trim(); } catch { return "unknown"; }
})();

const table = `| scenario | widget | baseline | widget / baseline | each run's ratio, middle half |
| --- | ---: | ---: | ---: | ---: |
${rows.join("\n")}`;
console.log(`\n${table}\n`);
console.log(heapRows.join("\n"));
console.log(`size brotli: widget ${size.w.brotli} B, baseline ${size.b.brotli} B`);

const report = `# Benchmarks

Written by \`make bench\` (\`bench/run.mjs\`); do not edit by hand. The
notes at the end are kept by hand in \`bench/notes.md\`.

- Date: ${date}, commit ${commit}
- Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB
- Browser: headless Chromium ${version} (Debian), one browser, a fresh context per cold run
- Method: the release \`dist/\` and the vanilla-JS baseline (\`bench/baseline.js\`, same
  contract, markup and stylesheet, JSON Feed only) served from 127.0.0.1 with CDN cache
  headers, alternating which goes first, ${RUNS} runs each; medians.

## Time to \`data-state="ready"\`

From navigation start to the last \`article-widget:ready\` event on the page. Cold: a
fresh browser context (empty cache). Warm: a reload in the same context. The last
column is the run-to-run spread: each run measures the widget and the baseline one
after the other, and half of those runs' ratios fall in it.

${table}

${snippet ? `## Time to the first headline paint

The seed article, cold (a fresh context): from navigation start to the frame in
which the first headline is laid out, polled every frame; when that headline
was painted (its largest-contentful-paint entry), the page's own first
contentful paint (a paragraph before the widget), and the headline's paint
after it (0 ms: the headline is in the page's first paint). Pre-rendered: the snippet of \`article-widget render\` in
the page (its text is in the HTML), the widget then taking it over: with
\`--style inline\`; with the default \`--style link\` in the page as it is; and
linked, with the same stylesheet also linked in the page's head.
Client-rendered: the widget alone; baseline: the vanilla-JS element. ${RUNS} runs
each; medians.

| page | first headline laid out | painted | page's first contentful paint | painted after it | / baseline (laid out) |
| --- | ---: | ---: | ---: | ---: | ---: |
| pre-rendered, \`--style inline\` | ${ms(median(paints.i))} | ${ms(median(paints.painted.i))} | ${ms(median(paints.fcp.i))} | ${ms(median(paints.painted.i.map((at, i) => at - paints.fcp.i[i])))} | ${ratio(median(paints.i), median(paints.b))} |
| pre-rendered, \`--style link\` | ${ms(median(paints.p))} | ${ms(median(paints.painted.p))} | ${ms(median(paints.fcp.p))} | ${ms(median(paints.painted.p.map((at, i) => at - paints.fcp.p[i])))} | ${ratio(median(paints.p), median(paints.b))} |
| pre-rendered, linked, also in the head | ${ms(median(paints.h))} | ${ms(median(paints.painted.h))} | ${ms(median(paints.fcp.h))} | ${ms(median(paints.painted.h.map((at, i) => at - paints.fcp.h[i])))} | ${ratio(median(paints.h), median(paints.b))} |
| client-rendered | ${ms(median(paints.w))} | ${ms(median(paints.painted.w))} | ${ms(median(paints.fcp.w))} | ${ms(median(paints.painted.w.map((at, i) => at - paints.fcp.w[i])))} | ${ratio(median(paints.w), median(paints.b))} |
| vanilla-JS baseline | ${ms(median(paints.b))} | ${ms(median(paints.painted.b))} | ${ms(median(paints.fcp.b))} | ${ms(median(paints.painted.b.map((at, i) => at - paints.fcp.b[i])))} | 1.00× |

` : ""}## Memory after mount/unmount cycles

${CYCLES} cycles of creating a widget with an inline feed, waiting for \`ready\`, and
removing it, then ${CYCLES} more; measured after forced garbage collection, after 10
cycles, after ${CYCLES} and after ${2 * CYCLES}. DOM nodes, listeners and wasm memory at the three.
Then again in a browser whose V8 runs JavaScript without its optimising compilers
(\`--js-flags=--no-maglev --no-opt\`): the JS heap then holds no code compiled for the
functions that ran hot, so its growth is what the page retains.

| implementation | JS heap after 10 | after ${CYCLES} | growth | after ${2 * CYCLES} | growth from ${CYCLES} | DOM nodes | JS listeners | wasm memory |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${heapRows.join("\n")}

## Transfer size

Everything a partner page downloads for the widget itself (feed and images aside).

| | raw | gzip -9 | brotli | |
| --- | ---: | ---: | ---: | --- |
| widget (entry + glue + wasm, CSS inside) | ${size.w.raw.toLocaleString("en")} | ${size.w.gzip.toLocaleString("en")} | ${size.w.brotli.toLocaleString("en")} | |
| baseline (one JS file, CSS inside) | ${size.b.raw.toLocaleString("en")} | ${size.b.gzip.toLocaleString("en")} | ${size.b.brotli.toLocaleString("en")} | |
| widget / baseline | ${ratio(size.w.raw, size.b.raw)} | ${ratio(size.w.gzip, size.b.gzip)} | ${ratio(size.w.brotli, size.b.brotli)} | |

${vitalsSection()}${readFileSync(join(root, "bench/notes.md"), "utf8").trim()}
${existsSync(join(root, "bench/load.md")) ? `\n${readFileSync(join(root, "bench/load.md"), "utf8").trim()}\n` : ""}`;
/** The section that `make vitals` (bench/vitals.mjs) keeps in BENCHMARKS.md, carried over. */
function vitalsSection() {
  try {
    const found = /<!-- vitals:begin[\s\S]*?<!-- vitals:end -->/.exec(readFileSync(join(root, "BENCHMARKS.md"), "utf8"));
    return found ? `${found[0]}\n\n` : "";
  } catch {
    return "";
  }
}
if (!args.includes("--no-write")) {
  writeFileSync(join(root, "BENCHMARKS.md"), report);
  console.log("wrote BENCHMARKS.md");
}
