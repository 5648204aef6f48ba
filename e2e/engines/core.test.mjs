// The end-to-end core in every engine readers use: Chromium, Firefox and
// WebKit (see drivers.mjs for how each is driven). Each check is written once
// and run in each engine; the host pages are e2e/pages, the servers
// e2e/server.mjs and e2e/fault-server, as for the Playwright suite.
//
//   node --test e2e/engines/core.test.mjs           all three engines
//   ENGINES=webkit node --test e2e/engines/...      one of them
//
// Screenshots land in screenshots/<engine>/ for a side-by-side look.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { launch, serve, freePort, stopAll } from "./drivers.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const ENGINES = (process.env.ENGINES || "chromium,firefox,webkit").split(",").filter(Boolean);
const FAULT_SERVER = `${ROOT}e2e/fault-server/target/release/fault-server`;

let base;
let fault;

before(async () => {
  const [port, cdnPort, faultPort] = [await freePort(), await freePort(), await freePort()];
  base = `http://127.0.0.1:${port}/`;
  fault = `http://127.0.0.1:${faultPort}`;
  const env = { ...process.env, PORT: String(port), CDN_PORT: String(cdnPort) };
  await serve(process.execPath, [`${ROOT}e2e/server.mjs`], `${base}article-widget.js`, { env });
  await serve(FAULT_SERVER, [String(faultPort)], `${fault}/_health`);
});
after(stopAll);

let counter = 0;
/** A test name for the fault server's per-test attempt log. */
const unique = (name) => `${name}-${Date.now()}-${counter++}`;
/** What the fault server saw for test `t`. */
const attempts = async (t) => (await fetch(`${fault}/_log?t=${t}`)).json();

/** Adds an <article-widget> with these attributes, recording its events in window.events. */
const addWidget = (page, attributes) =>
  page.run((attributes) => {
    window.events ??= [];
    const el = document.createElement("article-widget");
    for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
    for (const type of ["article-widget:ready", "article-widget:error"]) {
      el.addEventListener(type, (e) =>
        window.events.push({ id: el.id, type, ...e.detail, items: e.detail.items?.length }));
    }
    document.body.append(el);
  }, attributes);

const events = (page, id) => page.run((id) => (window.events ?? []).filter((e) => e.id === id), id);
const whenState = (page, id, wanted, timeout = 10_000) =>
  page.until((id, wanted) => state(id) === wanted, [id, wanted], { timeout, what: `#${id} ${wanted}` });
/** Ready, and every image in it loaded. */
const settled = (page, id) =>
  page.until((id) => state(id) === "ready" && imagesLoaded(id), [id], { what: `#${id} ready with images` });

/**
 * Sets the viewport; where an engine's window cannot be that narrow
 * (MiniBrowser stops at about 450 px), the root element is narrowed instead,
 * which is what the widget's container queries see.
 */
async function width(page, w, h = 900) {
  await page.viewport(w, h);
  await page.run((w) => {
    if (innerWidth > w) document.documentElement.style.width = `${w}px`;
  }, w);
}

/**
 * Makes the viewport tall enough for the whole page, so the widget `id` is
 * inside it and no scrollbar is painted over it (for an element screenshot).
 */
async function fitHeight(page, id) {
  const [w, h, bottom] = await page.run((id) => [innerWidth, innerHeight,
    Math.ceil(Math.max(document.getElementById(id).getBoundingClientRect().bottom, document.documentElement.scrollHeight))], id);
  if (bottom > h) {
    await page.viewport(w, bottom + 24);
    await page.until((id) => imagesLoaded(id), [id]);
  }
}

/** A screenshot of the widget `id`, the viewport made tall enough for all of it. */
async function shoot(page, id, file) {
  await fitHeight(page, id);
  return page.shot(file, `#${id}`);
}

/** The empty host page, once the element is defined. */
async function blank(page) {
  await page.goto("e2e/blank.html");
  await page.until(() => customElements.get("article-widget"), [], { what: "the element defined" });
}

/** Where the widget `id`'s images are, relative to the widget: [x, y, width, height] each. */
const imageBoxes = (page, id) =>
  page.run((id) => {
    const host = document.getElementById(id).getBoundingClientRect();
    return qa(id, "img").map((i) => i.getBoundingClientRect())
      .map((r) => [r.x - host.x, r.y - host.y, r.width, r.height].map(Math.round));
  }, id);

/**
 * Largest per-channel difference of two PNGs, decoded in the page, outside
 * the boxes `skip` (the stand-in SVG photo, which WebKit rasterises with a
 * few varying pixels from one paint to the next); -1 if sizes differ.
 */
const pixelDelta = (page, a, b, skip = []) =>
  page.run(async (a, b, skip) => {
    const pixels = async (base64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${base64}`;
      await img.decode();
      const canvas = document.createElement("canvas");
      [canvas.width, canvas.height] = [img.width, img.height];
      const ctx = canvas.getContext("2d");
      ctx.drawImage(img, 0, 0);
      return ctx.getImageData(0, 0, img.width, img.height);
    };
    const [p, q] = [await pixels(a), await pixels(b)];
    if (p.width !== q.width || p.height !== q.height) return -1;
    const skipped = new Uint8Array(p.width * p.height);
    for (const [sx, sy, w, h] of skip) {
      for (let y = Math.max(0, sy); y < Math.min(p.height, sy + h); y++) {
        skipped.fill(1, y * p.width + Math.max(0, sx), y * p.width + Math.min(p.width, sx + w));
      }
    }
    let max = 0;
    for (let i = 0; i < p.data.length; i++) {
      if (!skipped[i >> 2]) {
        const d = p.data[i] - q.data[i];
        if (d > max) max = d;
        else if (-d > max) max = -d;
      }
    }
    return max;
  }, a.toString("base64"), b.toString("base64"), skip);

for (const engine of ENGINES) {
  describe(engine, () => {
    let page;
    const SHOTS = `${ROOT}screenshots/${engine}/`;

    before(async () => {
      mkdirSync(SHOTS, { recursive: true });
      page = await launch(engine, base);
      console.log(`# ${engine}: ${page.version}`);
    });
    after(async () => page?.close());

    /** Uncaught errors in the page (none, whatever the feed does), where the protocol reports them. */
    const noPageErrors = () => assert.deepEqual(page.errors(), []);

    test("the seed article: headline, dateline, caption, byline, body", async () => {
      await width(page, 1200);
      await page.goto("e2e/seed.html");
      await settled(page, "seed");
      const seen = await page.run(() => {
        const headline = q("seed", "h2");
        const time = q("seed", "time");
        const host = document.getElementById("seed").getBoundingClientRect();
        const box = headline.getBoundingClientRect();
        return {
          headline: text(headline),
          datetime: time.getAttribute("datetime"),
          dateline: text(time),
          caption: text(q("seed", "figure figcaption")),
          alt: q("seed", "figure img")?.getAttribute("alt"),
          byline: text(q("seed", "[part=byline]")),
          paragraphs: qa("seed", "[part=body] p").map((p) => p.textContent),
          wraps: box.width <= host.width && box.height > 40,
        };
      });
      assert.equal(seen.headline,
        "Lạng Sơn: Bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các luận điệu sai trái, thù địch trong tình hình mới");
      assert.equal(Date.parse(seen.datetime), Date.parse("2021-06-25T11:15:00+07:00"));
      assert.match(seen.dateline, /Thứ Sáu, 25\/06\/2021, 11:15 GMT\+7/);
      assert.match(seen.caption, /Các đại biểu dự Hội nghị/);
      assert.equal(seen.alt, "Các đại biểu dự Hội nghị");
      assert.match(seen.byline, /P\.V/);
      assert.ok(seen.paragraphs.length >= 4, `${seen.paragraphs.length} paragraphs`);
      assert.match(seen.paragraphs[0], /^Ngày 23\/6, Ban Chỉ đạo/);
      for (const p of seen.paragraphs) assert.doesNotMatch(p, /^\s|\u00a0/);
      assert.ok(seen.wraps, "the long headline wraps inside the widget");
      await shoot(page, "seed", `${SHOTS}seed-article.png`);
      noPageErrors();
    });

    for (const layout of ["article", "list", "cards"]) {
      for (const theme of ["light", "dark"]) {
        for (const w of [320, 1200]) {
          test(`layout ${layout}, ${theme}, ${w} px`, async () => {
            await page.goto(`e2e/matrix.html?layout=${layout}&theme=${theme}&lang=vi`);
            await width(page, w);
            await settled(page, "w");
            const seen = await page.run(() => {
              const root = q("w", ".aw");
              return {
                overflow: root.scrollWidth - root.clientWidth,
                theme: root.getAttribute("data-theme"),
                background: getComputedStyle(root).backgroundColor,
                items: qa("w", "li").length,
                headlines: qa("w", "h2").filter(shown).length,
                widget: document.getElementById("w").getBoundingClientRect().width,
              };
            });
            assert.ok(seen.overflow <= 0, `nothing overflows sideways (${seen.overflow} px)`);
            assert.ok(seen.widget <= w, `the widget fits ${w} px (${seen.widget})`);
            assert.equal(seen.theme, theme);
            assert.equal(seen.background, theme === "light" ? "rgb(255, 255, 255)" : "rgb(22, 24, 28)");
            if (layout === "article") assert.equal(seen.items, 0);
            else assert.equal(seen.items, 4);
            assert.ok(seen.headlines >= 1);
            await shoot(page, "w", `${SHOTS}${layout}-${theme}-${w}.png`);
            noPageErrors();
          });
        }
      }
    }

    test("an inline data island renders without a request for data", async () => {
      await page.goto("e2e/island.html");
      await whenState(page, "island", "ready");
      const seen = await page.run(() => ({
        headline: text(q("island", "h2")),
        paragraphs: qa("island", "[part=body] p").map(text),
        requests: performance.getEntriesByType("resource").map((r) => r.name).filter((n) => n.includes(".json")),
      }));
      assert.deepEqual(seen, {
        headline: "Tin từ dữ liệu nội tuyến", paragraphs: ["Đoạn một.", "Đoạn hai."], requests: [],
      });
    });

    test("invalid JSON says what is wrong, and where when the engine says", async () => {
      await blank(page);
      await page.run(() => {
        const el = document.createElement("article-widget");
        el.id = "bad";
        const island = document.createElement("script");
        island.type = "application/json";
        island.textContent = '{\n  "version": "https://jsonfeed.org/version/1.1",\n  oops\n}';
        el.append(island);
        document.body.append(el);
      });
      await whenState(page, "bad", "error");
      const said = await page.run(() => text(q("bad", "[role=alert]")));
      if (engine === "webkit") {
        // JavaScriptCore names what it expected but not where (README, Browser support).
        assert.match(said, /The feed is not valid JSON: JSON Parse error: Property name must be a string literal\./);
        assert.doesNotMatch(said, /line \d/);
      } else {
        assert.match(said, /The feed is not valid JSON: .*property name.* \(line 3, column 3\)\./);
      }
      noPageErrors();
    });

    test("a page whose CSP allows no inline style renders the widget fully styled", async () => {
      await page.goto("e2e/contract.csp.html");
      await whenState(page, "strict", "ready");
      // A second widget, added while violations are being listened for.
      await page.run(() => {
        window.violations = [];
        document.addEventListener("securitypolicyviolation", (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
        const el = document.createElement("article-widget");
        el.id = "second";
        el.setAttribute("src", "/sample/feed.json");
        el.setAttribute("layout", "list");
        document.body.append(el);
      });
      await whenState(page, "second", "ready");
      const seen = await page.run(() => {
        const root = $("strict");
        return {
          weight: getComputedStyle(q("strict", "h2")).fontWeight,
          meta: getComputedStyle(q("strict", ".aw-meta")).display,
          listStyled: getComputedStyle(q("second", "li")).listStyleType,
          styleElements: root.querySelectorAll("style").length,
          styleAttributes: root.querySelectorAll("[style]").length,
          adopted: root.adoptedStyleSheets.length,
          violations: window.violations,
        };
      });
      assert.deepEqual(seen, {
        weight: "700", meta: "flex", listStyled: "none", styleElements: 0, styleAttributes: 0, adopted: 1, violations: [],
      });
      noPageErrors();
    });

    test("hostile host CSS leaves the widget's look unchanged; its CSS stays inside", async () => {
      await page.viewport(800, 1500);
      await page.goto("e2e/plain.html");
      await settled(page, "w");
      await fitHeight(page, "w");
      const hostFont = await page.run(() => getComputedStyle(document.getElementById("host-text")).fontFamily);
      // The page's own <style> is its only sheet with a node; the entry's
      // adopted reserve sheet (WebKit lists it too) styles article-widget only.
      assert.equal(await page.run(() => [...document.styleSheets].filter((s) => s.ownerNode).length), 1);
      assert.ok(
        await page.run(() =>
          [...document.styleSheets]
            .filter((s) => !s.ownerNode)
            .every((s) => [...s.cssRules].every((r) => !r.selectorText || r.selectorText.startsWith("article-widget"))),
        ),
      );
      const plain = await page.shot(`${SHOTS}isolation-plain.png`, "#w");
      const plainImages = await imageBoxes(page, "w");
      await page.goto("e2e/hostile.html");
      await settled(page, "w");
      await fitHeight(page, "w");
      const hostile = await page.shot(`${SHOTS}isolation-hostile.png`, "#w");
      const hostileImages = await imageBoxes(page, "w");
      assert.ok(plainImages.length >= 1);
      assert.deepEqual(hostileImages, plainImages, "the images sit in the same places");
      await page.goto("e2e/blank.html");
      const delta = await pixelDelta(page, plain, hostile, plainImages);
      assert.ok(delta >= 0 && delta <= 2, `the widget looks the same on both pages (max channel delta ${delta})`);
      await page.goto("e2e/plain.html");
      await whenState(page, "w", "ready");
      assert.equal(await page.run(() => getComputedStyle(document.getElementById("host-text")).fontFamily), hostFont);
    });

    test("twenty instances share one wasm module; one moved, one removed", async () => {
      await page.viewport(1200, 900);
      await blank(page);
      await page.run(() => {
        for (let i = 0; i < 20; i++) {
          const el = document.createElement("article-widget");
          el.id = `w${i}`;
          el.setAttribute("src", `/sample/feed.json?instance=${i}`);
          el.setAttribute("layout", "list");
          el.setAttribute("limit", String(1 + (i % 4)));
          document.body.append(el);
        }
      });
      await page.until(() =>
        Array.from({ length: 20 }, (_, i) => state(`w${i}`) === "ready" && qa(`w${i}`, "li").length === 1 + (i % 4))
          .every(Boolean), [], { what: "twenty widgets ready with their limits" });
      assert.equal(await page.run(() =>
        performance.getEntriesByType("resource").filter((r) => r.name.endsWith(".wasm")).length), 1);

      // Moved within one task, then detached across tasks and put back.
      await page.run(async () => {
        const el = document.getElementById("w3");
        const box = document.createElement("section");
        document.body.prepend(box);
        box.append(el);
        await new Promise((r) => setTimeout(r, 50));
        el.remove();
        await new Promise((r) => setTimeout(r, 50));
        document.body.append(el);
      });
      await page.until(() => state("w3") === "ready" && qa("w3", "li").length === 4, [], { what: "moved w3 renders" });

      // Removed while waiting to retry (503, Retry-After: 1): no retry follows.
      const t = unique("removed");
      await addWidget(page, { id: "gone", src: `${fault}/always-500?retry=1&t=${t}` });
      const deadline = Date.now() + 10_000;
      while ((await attempts(t)).length < 1 && Date.now() < deadline) await page.run(() => new Promise((r) => setTimeout(r, 25)));
      await page.run(() => document.getElementById("gone").remove());
      await page.run(() => new Promise((r) => setTimeout(r, 1_600))); // past the Retry-After
      assert.equal((await attempts(t)).length, 1, "no retry after removal");
      assert.deepEqual(await events(page, "gone"), []);
      assert.equal(await page.run(() => document.querySelectorAll("article-widget[data-state=ready]").length), 20);
      noPageErrors();
    });

    test("feeds that fail show an error with a retry button; the others and the page keep working", async () => {
      await page.goto("e2e/errors.html");
      await page.until(() => ["missing-file", "no-src", "not-a-feed"].every((id) => state(id) === "error")
        && state("ok") === "ready", [], { what: "three errors and one ready" });
      const seen = await page.run(() => ({
        missing: text(q("missing-file", "[role=alert]")),
        missingShown: shown(q("missing-file", "[role=alert]")),
        retryShown: shown(q("missing-file", "[role=alert] button")),
        noSrc: text(q("no-src", "[role=alert]")),
        notAFeed: text(q("not-a-feed", "[role=alert]")),
        ok: qa("ok", "li").length,
        host: shown(document.getElementById("host-still-works")),
      }));
      assert.match(seen.missing, /404/);
      assert.ok(seen.missingShown && seen.retryShown);
      assert.match(seen.noSrc, /src/);
      assert.match(seen.notAFeed, /an object with keys `hello`, `data`/);
      assert.equal(seen.ok, 2);
      assert.ok(seen.host);

      for (const theme of ["light", "dark"]) {
        await page.viewport(768, 600);
        await page.goto(`e2e/matrix.html?theme=${theme}&lang=vi&src=/slow?ms=4000`);
        await page.until(() => state("w") === "loading" && shown(q("w", "[aria-busy=true]")), [], { what: "skeleton" });
        await shoot(page, "w", `${SHOTS}loading-${theme}.png`);
        await page.goto(`e2e/matrix.html?theme=${theme}&lang=vi&src=/fixtures/missing.json`);
        await whenState(page, "w", "error");
        assert.match(await page.run(() => text(q("w", "[role=alert]"))), /Máy chủ nguồn tin báo lỗi 404\./);
        await shoot(page, "w", `${SHOTS}error-${theme}.png`);
      }
      noPageErrors();
    });

    test("a 404 is an http error at once, not retried; the retry button asks again", async () => {
      await blank(page);
      const t = unique("404");
      await addWidget(page, { id: "w", src: `${fault}/404?t=${t}` });
      await whenState(page, "w", "error");
      assert.match(await page.run(() => text(q("w", "[role=alert]"))), /HTTP 404/);
      await page.run(() => new Promise((r) => setTimeout(r, 1_200))); // longer than any back-off
      assert.equal((await attempts(t)).length, 1);
      const [event] = await events(page, "w");
      assert.equal(event.type, "article-widget:error");
      assert.equal(event.kind, "http");
      assert.equal(event.status, 404);

      await page.run(() => q("w", "[part=retry]").click());
      await page.until(() => (window.events ?? []).filter((e) => e.type === "article-widget:error").length === 2,
        [], { what: "a second error event after retry" });
      assert.equal((await attempts(t)).length, 2);
      assert.equal(await page.run(() => state("w")), "error");
      noPageErrors();
    });

    test("a server that never answers times out after 10 s, once", async () => {
      await blank(page);
      const t = unique("hang");
      const started = Date.now();
      await addWidget(page, { id: "w", src: `${fault}/hang?t=${t}` });
      assert.equal(await page.run(() => state("w")), "loading");
      await whenState(page, "w", "error", 15_000);
      const elapsed = Date.now() - started;
      assert.ok(elapsed > 9_500 && elapsed < 13_000, `${elapsed} ms`);
      assert.match(await page.run(() => text(q("w", "[role=alert]"))), /did not answer within 10 seconds/);
      assert.deepEqual((await events(page, "w")).map((e) => [e.type, e.kind]), [["article-widget:error", "timeout"]]);
      assert.equal((await attempts(t)).length, 1, "a timeout is not retried");
      noPageErrors();
    });
  });
}
