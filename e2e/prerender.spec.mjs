// Pre-rendered widgets: snippets written by `article-widget render` (the
// release binary that `make test-e2e` builds) into host pages, read with
// JavaScript off, then taken over by the wasm without anything moving.
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";

const ROOT = new URL("../", import.meta.url).pathname;
const SHOTS = `${ROOT}screenshots/`;
mkdirSync(SHOTS, { recursive: true });
const BIN = `${ROOT}target/debug/article-widget`;
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT || 4173}`;
// The strict policy of e2e/server.mjs (a module that starts the servers when imported).
const STRICT_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; img-src 'self'; style-src 'self'";
const HEADLINE =
  "Lạng Sơn: Bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các luận điệu sai trái, thù địch trong tình hình mới";

/** A snippet for the feed text `feed` with these attributes, its stylesheet linked or inline. */
function render(feed, attributes, base = `${ORIGIN}/sample/feed.json`, style = "link") {
  const pairs = Object.entries(attributes).map(([k, v]) => `${k}=${v}`);
  const args = ["render", "-", ...pairs, "--assets", "/", "--style", style];
  if (base) args.push("--base", base);
  return execFileSync(BIN, args, { input: feed, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"] });
}

// The sample feed with its images' URLs made absolute: an embedded feed's
// relative URLs resolve against the page, which is elsewhere.
const sample = readFileSync(`${ROOT}sample/feed.json`, "utf8").replaceAll('"images/', `"${ORIGIN}/sample/images/`);

/** A host page holding `body` (snippets), with the widget's script unless `script` is false. */
function hostPage(body, { script = true, title = "Pre-rendered widgets" } = {}) {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${title}</title>
${script ? '<script type="module" src="/article-widget.js"></script>' : ""}
</head><body>
<main>${body}</main>
</body></html>`;
}

/** Serves `html` at `path` of the page origin, with `headers`. */
async function serve(page, path, html, headers = {}) {
  await page.route(`${ORIGIN}${path}`, (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html, headers }),
  );
}

const ready = (locator) => expect(locator).toHaveAttribute("data-state", "ready");

/** Holds the .wasm back until the returned function is called. */
async function holdWasm(page) {
  let release;
  const held = new Promise((r) => (release = r));
  await page.route("**/*_bg.wasm", async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test("with JavaScript off, a pre-rendered article and list are readable and styled", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const article = render(sample, { layout: "article", item: "0", lang: "vi" });
  const list = render(sample, { layout: "list", limit: "3", "heading-level": "3" });
  await serve(page, "/e2e/prerendered-nojs.html", hostPage(`<div id="a">${article}</div><div id="l">${list}</div>`));
  const response = await page.goto("/e2e/prerendered-nojs.html");
  // The text is in the HTML itself, for crawlers and readers without script.
  const source = await response.text();
  expect(source).toContain(HEADLINE);
  expect(source).toContain("Ngày 23/6, Ban Chỉ đạo");

  const a = page.locator("#a article-widget");
  const l = page.locator("#l article-widget");
  await expect(a.locator("h2")).toHaveText(HEADLINE);
  await expect(a.locator("h2")).toBeVisible();
  await expect(a.locator("[part=body] p").first()).toHaveText(/^Ngày 23\/6, Ban Chỉ đạo/);
  // The widget's language and the source offset are known: the server
  // writes the dateline as Intl will (ICU4X); the list's language is only the
  // page's, so its datelines are neutral.
  await expect(a.locator("time").first()).toHaveText("Thứ Sáu, 25/06/2021, 11:15 GMT+7");
  await expect(l.locator("li[part=item]")).toHaveCount(3);
  await expect(l.locator("li h3").first()).toBeVisible();
  // Styled by the linked stylesheet: the widget's own padding, font and list reset.
  const styles = await a.evaluate((el) => {
    const aw = el.shadowRoot.querySelector(".aw");
    const s = getComputedStyle(aw);
    return { padding: s.paddingTop, sheets: el.shadowRoot.styleSheets.length };
  });
  expect(styles).toEqual({ padding: "16px", sheets: 1 });
  expect(await l.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector("ol")).listStyleType)).toBe("none");
  await a.screenshot({ path: `${SHOTS}prerendered-nojs-article.png` });
  await l.screenshot({ path: `${SHOTS}prerendered-nojs-list.png` });
  await context.close();
});

/**
 * Where two PNG screenshots differ by more than `tolerance` in a channel,
 * decoded in the page: `null` when nowhere, else the sizes and the box of
 * the differing pixels. The antialiased edge of a masked box (magenta) is
 * not compared.
 */
async function difference(page, a, b, tolerance = 2) {
  return page.evaluate(async ([a, b, tolerance]) => {
    const pixels = async (base64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${base64}`;
      await img.decode();
      const canvas = new OffscreenCanvas(img.width, img.height);
      const ctx = canvas.getContext("2d");
      ctx.drawImage(img, 0, 0);
      return ctx.getImageData(0, 0, img.width, img.height);
    };
    const [p, q] = [await pixels(a), await pixels(b)];
    if (p.width !== q.width || p.height !== q.height) return { sizes: [p.width, p.height, q.width, q.height] };
    const magenta = (d, at) => d[at] === 255 && d[at + 1] === 0 && d[at + 2] === 255;
    const nearMask = (px) =>
      [px - 1, px, px + 1].some((n) => n >= 0 && n < p.width * p.height && (magenta(p.data, n * 4) || magenta(q.data, n * 4)));
    let box = null;
    for (let i = 0; i < p.data.length; i++) {
      if (Math.abs(p.data[i] - q.data[i]) <= tolerance || nearMask(i >> 2)) continue;
      const x = (i >> 2) % p.width;
      const y = Math.floor((i >> 2) / p.width);
      box = box
        ? [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)]
        : [x, y, x, y];
    }
    return box && { box };
  }, [a.toString("base64"), b.toString("base64"), tolerance]);
}

/**
 * Counts layout shifts (those that start after `window.__since`, set when the
 * part under test begins) and the widget events.
 */
const OBSERVE = () => {
  window.__since = 0;
  window.__cls = 0;
  window.__events = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput && entry.startTime >= window.__since) window.__cls += entry.value;
    }
  }).observe({ type: "layout-shift", buffered: true });
  for (const name of ["article-widget:ready", "article-widget:error"]) {
    document.addEventListener(name, (e) => window.__events.push([name, e.target.id]));
  }
};

const VI_DATELINE = /^Thứ .*, \d\d\/\d\d\/\d{4}, \d\d:\d\d GMT\+7$/;
for (const [name, attributes, dateline] of [
  ["island", { id: "w", layout: "list", limit: "3", "heading-level": "3", lang: "vi" }, VI_DATELINE],
  ["src", { id: "w", src: "/sample/feed.json", layout: "article", item: "0", lang: "vi" }, VI_DATELINE],
  [
    "utc",
    { id: "w", layout: "article", item: "0", lang: "en-GB", "time-zone": "UTC" },
    /^Friday, 25 June 2021, 04:15 UTC$/,
  ],
]) {
  test(`the wasm takes a pre-rendered ${name} widget over without a flicker`, async ({ page }) => {
    const feeds = [];
    page.on("request", (r) => r.url().endsWith("feed.json") && feeds.push(r.url()));
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    // Hold the .wasm until the pre-rendered widget has been photographed.
    const release = await holdWasm(page);
    await page.addInitScript(OBSERVE);
    await serve(page, `/e2e/prerendered-${name}.html`, hostPage(render(sample, attributes)));
    await page.goto(`/e2e/prerendered-${name}.html`);
    const w = page.locator("#w");
    await expect(w.locator("[part=headline]").first()).toBeVisible();
    await expect
      .poll(() => w.evaluate((el) => [...el.shadowRoot.querySelectorAll("img")].every((i) => i.complete)))
      .toBe(true);
    // With `lang` set and the source offset, the server writes the
    // datelines as the browser will (ICU4X, the same CLDR patterns): nothing
    // is masked, and the text is the same after the takeover.
    const shot = (when) => w.screenshot({ animations: "disabled", path: `${SHOTS}prerendered-${name}-${when}.png` });
    const datelines = () => w.evaluate((el) => [...el.shadowRoot.querySelectorAll("time")].map((t) => t.textContent));
    const datelinesBefore = await datelines();
    expect(datelinesBefore[0]).toMatch(dateline);
    const before = await shot("before");
    // Layout shifts from here on are the takeover's (see the README on the
    // stylesheet link, which does not block the first paint).
    await page.evaluate(() => {
      window.__since = performance.now();
      window.__cls = 0;
    });
    release();
    await ready(w);
    await expect(w.locator("time").first()).toHaveText(dateline);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    // Read before the next screenshot: Playwright resizes the viewport to
    // photograph a tall element, and that moves things.
    const cls = await page.evaluate(() => window.__cls);
    const after = await shot("after");
    // The snapshot is gone: one widget tree, no linked stylesheet.
    expect(await w.evaluate((el) => [el.shadowRoot.querySelectorAll(".aw").length, el.shadowRoot.children.length])).toEqual([1, 1]);
    expect(await difference(page, before, after)).toBeNull();
    expect(await datelines()).toEqual(datelinesBefore);
    expect(cls).toBe(0);
    expect(await page.evaluate(() => window.__events)).toEqual([["article-widget:ready", "w"]]);
    expect(feeds.length).toBe(attributes.src ? 1 : 0);
    expect(errors).toEqual([]);
  });
}

test.describe("a reader in Tokyo", () => {
  test.use({ timezoneId: "Asia/Tokyo" });

  test("a dateline the server cannot know is corrected at takeover without moving the byline", async ({ page }) => {
    const release = await holdWasm(page);
    await page.addInitScript(OBSERVE);
    // The reader's own zone: only the browser knows it.
    const attributes = { id: "w", layout: "article", item: "0", lang: "vi", "time-zone": "local" };
    await serve(page, "/e2e/prerendered-local.html", hostPage(render(sample, attributes)));
    await page.goto("/e2e/prerendered-local.html");
    const w = page.locator("#w");
    const time = w.locator("time").first();
    await expect(time).toHaveText("2021-06-25 11:15 GMT+7");
    await expect(time).toHaveAttribute("data-reader", "");
    await expect
      .poll(() => w.evaluate((el) => [...el.shadowRoot.querySelectorAll("img")].every((i) => i.complete)))
      .toBe(true);
    const boxes = () =>
      w.evaluate((el) =>
        [".aw-byline", ".aw-section", ".aw-place", ".aw-figure", ".aw-body"].map((s) => {
          const r = el.shadowRoot.querySelector(s)?.getBoundingClientRect();
          return r && [s, r.x, r.y, r.width, r.height];
        }),
      );
    const before = await boxes();
    expect(before[0]).toBeTruthy();
    await w.locator(".aw-meta").screenshot({ path: `${SHOTS}prerendered-local-meta-before.png` });
    await page.evaluate(() => {
      window.__since = performance.now();
      window.__cls = 0;
    });
    release();
    await ready(w);
    // The reader's words in the reader's zone.
    await expect(time).toHaveText("Thứ Sáu, 25/06/2021, 13:15 GMT+9");
    await expect(time).toHaveAttribute("data-reader", "");
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await boxes()).toEqual(before);
    await w.locator(".aw-meta").screenshot({ path: `${SHOTS}prerendered-local-meta-after.png` });
    expect(await page.evaluate(() => window.__cls)).toBe(0);
  });
});

test("twenty pre-rendered widgets on a strict-CSP page all take over", async ({ page }) => {
  const violations = [];
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective));
  });
  await page.addInitScript(OBSERVE);
  const release = await holdWasm(page);
  const snippets = [];
  for (let i = 0; i < 20; i++) {
    const attributes =
      i % 4 === 0
        ? { id: `w${i}`, src: "/sample/feed.json", layout: "list", limit: "2" }
        : { id: `w${i}`, layout: i % 2 ? "article" : "cards", item: String(i % 3), limit: "2", lang: i % 3 ? "vi" : "en" };
    snippets.push(render(sample, attributes));
  }
  await serve(page, "/e2e/prerendered-20.csp.html", hostPage(snippets.join("\n")), {
    "content-security-policy": STRICT_CSP,
  });
  await page.goto("/e2e/prerendered-20.csp.html");
  const widgets = page.locator("article-widget");
  await expect(widgets).toHaveCount(20);
  // Every snapshot styled by its linked stylesheet before the wasm arrives.
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.querySelectorAll("article-widget")].every(
          (el) => getComputedStyle(el.shadowRoot.querySelector(".aw")).paddingTop === "16px",
        ),
      ),
    )
    .toBe(true);
  await page.evaluate(() => (window.__since = performance.now()));
  release();
  for (let i = 0; i < 20; i++) await ready(page.locator(`#w${i}`));
  const shown = await page.evaluate(() =>
    [...document.querySelectorAll("article-widget")].map((el) => [
      el.shadowRoot.querySelectorAll(".aw").length,
      el.shadowRoot.querySelectorAll("link").length,
      el.shadowRoot.querySelector("[part=headline]")?.textContent.length > 0,
    ]),
  );
  expect(shown).toEqual(Array(20).fill([1, 0, true]));
  violations.push(...(await page.evaluate(() => window.__violations)));
  expect(violations).toEqual([]);
  expect(await page.evaluate(() => window.__cls)).toBe(0);
  expect(errors).toEqual([]);
  await page.screenshot({ path: `${SHOTS}prerendered-20-csp.png`, fullPage: true });
});

test("a tampered snippet is replaced by a fresh render and fires no error", async ({ page }) => {
  const snippet = render(sample, { id: "w", src: "/sample/feed.json", layout: "list", limit: "2" })
    // Markup from "an older release": other classes, a stale headline.
    .replace(/class="aw-item-headline"/g, 'class="old-headline"')
    .replace(HEADLINE, "Stale headline");
  await page.addInitScript(OBSERVE);
  await serve(page, "/e2e/prerendered-stale.html", hostPage(snippet));
  await page.goto("/e2e/prerendered-stale.html");
  const w = page.locator("#w");
  await ready(w);
  await expect(w.locator("h2").first()).toHaveText(HEADLINE);
  await expect(w.locator(".old-headline")).toHaveCount(0);
  expect(await page.evaluate(() => window.__events)).toEqual([["article-widget:ready", "w"]]);
});

for (const theme of ["light", "dark"]) {
  test(`axe finds no violations in pre-rendered markup, ${theme}`, async ({ page }) => {
    // The snapshot as readers without the wasm see it: the wasm never arrives.
    await page.route("**/*_bg.wasm", (route) => route.abort());
    await page.emulateMedia({ colorScheme: theme });
    const snippets = ["article", "list", "cards"].map((layout) =>
      render(sample, { layout, item: "0", limit: "3", lang: "vi", theme, "heading-level": "2" }),
    );
    await serve(page, `/e2e/prerendered-axe-${theme}.html`, hostPage(`<h1>Tin tức</h1>${snippets.join("\n")}`));
    await page.goto(`/e2e/prerendered-axe-${theme}.html`);
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...document.querySelectorAll("article-widget")].every(
            (el) => getComputedStyle(el.shadowRoot.querySelector(".aw")).paddingTop === "16px",
          ),
        ),
      )
      .toBe(true);
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(async () => {
      const r = await axe.run(document, { resultTypes: ["violations"] });
      return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ")) }));
    });
    expect(result).toEqual([]);
  });
}

/** The payloads of a corpus file of tests/fixtures/xss. */
function payloads(file) {
  return JSON.parse(readFileSync(`${ROOT}tests/fixtures/xss/${file}`, "utf8")).map((e) =>
    typeof e === "string" ? e : e.payload,
  );
}

/** A JSON Feed with each payload in every text field a snippet shows. */
function hostileFeed(list, offset = 0) {
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: "hostile",
    items: list.map((payload, i) => ({
      id: `x${offset + i}`,
      url: `${ORIGIN}/sample/${offset + i}`,
      title: payload,
      summary: payload,
      content_html: payload,
      date_published: "2021-06-25T11:15:00+07:00",
      image: `${ORIGIN}/sample/images/hoi-nghi.svg`,
      authors: [{ name: payload }],
      _article_widget: { image: { alt: payload, caption: payload, credit: payload } },
    })),
  });
}

/** What must never be in a shadow root of the page, described. */
const FOUND_HOSTILE = () => {
  const found = [];
  for (const host of document.querySelectorAll("article-widget")) {
    const root = host.shadowRoot;
    if (!root) {
      found.push(`${host.id}: no shadow root`);
      continue;
    }
    for (const el of root.querySelectorAll("*")) {
      const tag = el.localName;
      if (["script", "iframe", "object", "embed", "svg", "math", "style", "form", "base", "meta"].includes(tag))
        found.push(`${host.id}: <${tag}>`);
      for (const attr of el.getAttributeNames()) {
        const value = el.getAttribute(attr).trim().toLowerCase();
        if (attr.startsWith("on") || attr === "style" || attr === "srcdoc") found.push(`${host.id}: ${attr} on <${tag}>`);
        if (["href", "src", "action", "formaction", "xlink:href"].includes(attr) && !/^(https?:|mailto:|\/article-widget-)/.test(value))
          found.push(`${host.id}: ${attr}=${value} on <${tag}>`);
      }
    }
  }
  for (const script of document.querySelectorAll("script")) {
    if (script.type !== "application/json" && !script.src.endsWith("/article-widget.js")) found.push("a script in the page");
  }
  return found;
};

test("every XSS vector in every field of a pre-rendered widget: nothing runs, JS off and on", async ({ browser }) => {
  test.setTimeout(120_000);
  const vectors = [...payloads("dompurify-vectors.json"), ...payloads("ammonia-payloads.json")];
  expect(vectors.length).toBe(280);
  const snippets = vectors.map((v, i) =>
    render(hostileFeed([v], i), { id: `a${i}`, layout: "article", lang: "en" }, `${ORIGIN}/x/`),
  );
  for (let i = 0; i < vectors.length; i += 100) {
    snippets.push(render(hostileFeed(vectors.slice(i, i + 100), i), { id: `l${i}`, layout: "list", limit: "100" }, `${ORIGIN}/x/`));
  }
  const html = hostPage(snippets.join("\n"), { title: "hostile" });
  const TRAPS = () => {
    window.__xss = false;
    const trap = () => (window.__xss = true);
    for (const name of ["alert", "confirm", "prompt", "print", "open", "evil", "xss", "makePopups"]) window[name] = trap;
  };
  for (const javaScriptEnabled of [false, true]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const dialogs = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    await page.addInitScript(TRAPS);
    // No live network: anything a vector points elsewhere fails at once.
    await page.route((url) => !url.href.startsWith(ORIGIN), (route) => route.abort());
    await serve(page, "/e2e/prerendered-hostile.html", html);
    await page.goto("/e2e/prerendered-hostile.html", { waitUntil: "domcontentloaded" });
    if (javaScriptEnabled) {
      await expect
        .poll(() => page.evaluate(() => document.querySelectorAll("article-widget[data-state=ready]").length), {
          timeout: 20_000,
        })
        .toBe(snippets.length);
      // Lazy handlers (an image's onerror or onload) get their chance: every
      // image, also those far below the fold that lazy loading would defer, loads.
      await page.evaluate(() => {
        for (const el of document.querySelectorAll("article-widget")) {
          for (const img of el.shadowRoot.querySelectorAll("img")) img.loading = "eager";
        }
      });
      await expect
        .poll(() =>
          page.evaluate(() =>
            [...document.querySelectorAll("article-widget")].every((el) =>
              [...el.shadowRoot.querySelectorAll("img")].every((img) => img.complete),
            ),
          ),
        )
        .toBe(true);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      expect(await page.evaluate(() => window.__xss)).toBe(false);
    }
    expect(await page.evaluate(FOUND_HOSTILE)).toEqual([]);
    expect(dialogs).toEqual([]);
    await context.close();
  }
});

test.describe("inline-style snippets on a strict-CSP page", () => {
  // The policy a partner writes from `render --csp`: the widget's script and
  // wasm, and for styles 'self' and the hash of the snippets' <style>.
  const printed = execFileSync(BIN, ["render", "--csp", "--assets", "/"], { encoding: "utf8" }).trim();
  const CSP = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; ${printed}`;
  const article = { id: "a", layout: "article", item: "0", lang: "vi" };
  const list = { id: "l", layout: "list", limit: "3", "heading-level": "3", lang: "vi" };
  const body = (style) => `<div>${render(sample, article, undefined, style)}</div><div>${render(sample, list, undefined, style)}</div>`;
  // What the stylesheet decides for the headlines and the frame.
  const looks = (p) =>
    p.evaluate(() =>
      ["a", "l"].map((id) => {
        const root = document.getElementById(id).shadowRoot;
        const h = getComputedStyle(root.querySelector("[part=headline]"));
        const aw = getComputedStyle(root.querySelector(".aw"));
        const box = root.querySelector("[part=headline]").getBoundingClientRect();
        return [h.fontWeight, h.fontSize, h.lineHeight, h.color, aw.paddingTop, aw.borderTopWidth, Math.round(box.height)];
      }),
    );

  test("the printed policy allows the inline style, with JavaScript off, as the link is", async ({ browser }) => {
    expect(printed).toMatch(/^style-src 'self' 'sha256-[A-Za-z0-9+/]{43}='$/);
    const seen = {};
    for (const [style, policy] of [
      ["link", CSP],
      ["inline", CSP],
      // The control: without the hash the policy refuses the style element.
      ["inline", CSP.replace(/ 'sha256-[^']+'/, "")],
    ]) {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const p = await context.newPage();
      const refused = [];
      p.on("console", (m) => /Content Security Policy/.test(m.text()) && refused.push(m.text()));
      const path = `/e2e/prerendered-${style}-${policy === CSP ? "hash" : "nohash"}.html`;
      await serve(p, path, hostPage(body(style), { script: false }), { "content-security-policy": policy });
      await p.goto(path);
      await expect(p.locator("#a [part=headline]")).toHaveText(HEADLINE);
      const shadow = await p.evaluate(() =>
        ["a", "l"].map((id) => {
          const root = document.getElementById(id).shadowRoot;
          return [root.querySelectorAll("style").length, root.querySelectorAll("link").length];
        }),
      );
      expect(shadow).toEqual(Array(2).fill(style === "inline" ? [1, 0] : [0, 1]));
      if (policy === CSP) {
        seen[style] = await looks(p);
        expect(refused).toEqual([]);
        if (style === "inline") {
          await p.locator("#a").screenshot({ path: `${SHOTS}prerendered-inline-nojs-article.png` });
        }
      } else {
        // Unstyled: the page's default padding and weight, and the refusal reported.
        expect((await looks(p))[0][4]).toBe("0px");
        await expect.poll(() => refused.length).toBeGreaterThan(0);
      }
      await context.close();
    }
    expect(seen.inline).toEqual(seen.link);
    expect(seen.link[0][0]).toBe("700");
    expect(seen.link[0][4]).toBe("16px");
  });

  test("with JavaScript on, styled before the wasm, taken over identically, no violation", async ({ page }) => {
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.sample}`));
    });
    await page.addInitScript(OBSERVE);
    const stylesheets = [];
    page.on("request", (r) => r.url().endsWith(".css") && stylesheets.push(r.url()));
    const release = await holdWasm(page);
    await serve(page, "/e2e/prerendered-inline.csp.html", hostPage(body("inline")), { "content-security-policy": CSP });
    await page.goto("/e2e/prerendered-inline.csp.html");
    const a = page.locator("#a");
    await expect(a.locator("[part=headline]")).toBeVisible();
    await expect
      .poll(() => page.evaluate(() => [...document.querySelectorAll("article-widget")].every((el) =>
        [...el.shadowRoot.querySelectorAll("img")].every((i) => i.complete))))
      .toBe(true);
    const styled = await looks(page);
    expect(styled[0][0]).toBe("700");
    expect(styled[0][4]).toBe("16px");
    // Nothing fetched for the snapshots' styles.
    expect(stylesheets).toEqual([]);
    const shot = (id, when) =>
      page.locator(`#${id}`).screenshot({ animations: "disabled", path: `${SHOTS}prerendered-inline-${id}-${when}.png` });
    const before = [await shot("a", "before"), await shot("l", "before")];
    await page.evaluate(() => {
      window.__since = performance.now();
      window.__cls = 0;
    });
    release();
    await ready(a);
    await ready(page.locator("#l"));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const cls = await page.evaluate(() => window.__cls);
    // The snapshot and its <style> are gone; the widget's adopted sheet styles the same.
    expect(
      await page.evaluate(() =>
        ["a", "l"].map((id) => {
          const root = document.getElementById(id).shadowRoot;
          return [root.children.length, root.querySelectorAll("style, link").length];
        }),
      ),
    ).toEqual([[1, 0], [1, 0]]);
    expect(await looks(page)).toEqual(styled);
    const after = [await shot("a", "after"), await shot("l", "after")];
    // Compared on a blank page: this one's policy refuses the data: URLs.
    const blank = await page.context().newPage();
    expect(await difference(blank, before[0], after[0])).toBeNull();
    expect(await difference(blank, before[1], after[1])).toBeNull();
    expect(cls).toBe(0);
    expect(await page.evaluate(() => window.__violations)).toEqual([]);
    expect((await page.evaluate(() => window.__events)).sort()).toEqual([
      ["article-widget:ready", "a"],
      ["article-widget:ready", "l"],
    ]);
    expect(errors).toEqual([]);
  });
});
