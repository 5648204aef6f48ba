// The element's public contract on partner pages: attributes, events,
// refresh(), strict CSP, isolation both ways, many instances, CDN serving.
import { test, expect } from "@playwright/test";

const SHOTS = new URL("../screenshots/", import.meta.url).pathname;

const ready = (locator) => expect(locator).toHaveAttribute("data-state", "ready");

/**
 * The largest per-channel difference between two PNG screenshots of the same
 * size, decoded in the page; -1 if their sizes differ. Gradients in SVG images
 * are dithered, so identical layouts can differ by 1.
 */
async function maxPixelDelta(page, a, b) {
  return page.evaluate(async ([a, b]) => {
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
    if (p.width !== q.width || p.height !== q.height) return -1;
    let max = 0;
    for (let i = 0; i < p.data.length; i++) max = Math.max(max, Math.abs(p.data[i] - q.data[i]));
    return max;
  }, [a.toString("base64"), b.toString("base64")]);
}

/** Waits until every image in the widget's shadow root has loaded. */
const imagesLoaded = (locator) =>
  expect
    .poll(() => locator.evaluate((el) => [...el.shadowRoot.querySelectorAll("img")].every((i) => i.complete)))
    .toBe(true);

/** Adds an <article-widget> with these attributes to the page's body. */
async function addWidget(page, attributes) {
  await page.evaluate((attrs) => {
    const el = document.createElement("article-widget");
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    document.body.append(el);
  }, attributes);
  return page.locator(`article-widget[id="${attributes.id}"]`);
}

test("attributes apply on change; only a new src fetches again", async ({ page }) => {
  const feeds = [];
  page.on("request", (r) => r.url().includes(".json") && feeds.push(new URL(r.url()).pathname));
  await page.goto("/e2e/blank.html");
  const w = await addWidget(page, { id: "w", src: "/sample/feed.json", layout: "list", limit: "2", lang: "vi" });
  await ready(w);
  await expect(w.locator("li")).toHaveCount(2);

  await w.evaluate((el) => el.setAttribute("limit", "3"));
  await expect(w.locator("li")).toHaveCount(3);
  await w.evaluate((el) => el.setAttribute("heading-level", "4"));
  await expect(w.locator("li h4")).toHaveCount(3);
  await w.evaluate((el) => el.setAttribute("layout", "article"));
  await expect(w.locator("article h4").first()).toContainText("Lạng Sơn: Bảo vệ");
  await w.evaluate((el) => el.setAttribute("lang", "en-GB"));
  await expect(w.locator("time").first()).toContainText("Friday");
  expect(feeds).toEqual(["/sample/feed.json"]);

  await w.evaluate((el) => el.setAttribute("src", "/fixtures/seed-feed.json"));
  await ready(w);
  await expect.poll(() => feeds).toEqual(["/sample/feed.json", "/fixtures/seed-feed.json"]);
});

test("bad attribute values fall back to the default and warn once", async ({ page }) => {
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.goto("/e2e/blank.html");
  const w = await addWidget(page, {
    id: "w", src: "/sample/feed.json", limit: "abc", layout: "carousel", "heading-level": "9",
  });
  await ready(w);
  await expect(w.locator("li")).toHaveCount(4);
  await expect(w.locator("li h2")).toHaveCount(4);
  await w.evaluate((el) => el.setAttribute("theme", "dark"));
  await expect(w.locator(".aw")).toHaveAttribute("data-theme", "dark");
  expect(warnings.filter((t) => t.includes('limit="abc"'))).toHaveLength(1);
  expect(warnings.filter((t) => t.includes('layout="carousel"'))).toHaveLength(1);
  expect(warnings.filter((t) => t.includes('heading-level="9"'))).toHaveLength(1);
});

test("refresh() fetches again and keeps the widget ready", async ({ page }) => {
  let fetched = 0;
  page.on("request", (r) => r.url().endsWith("/sample/feed.json") && fetched++);
  await page.goto("/e2e/blank.html");
  const w = await addWidget(page, { id: "w", src: "/sample/feed.json" });
  await ready(w);
  const readyEvents = page.evaluate(
    () => new Promise((resolve) =>
      document.getElementById("w").addEventListener("article-widget:ready", (e) => resolve(e.detail.items.length))),
  );
  await w.evaluate((el) => el.refresh());
  expect(await readyEvents).toBe(4);
  expect(fetched).toBe(2);
  await ready(w);
});

test("events bubble out of the shadow root; open is cancelable", async ({ page }) => {
  await page.goto("/e2e/blank.html");
  await page.evaluate(() => {
    window.seen = [];
    document.addEventListener("article-widget:ready", (e) => seen.push(["ready", e.target.id, e.detail.items[0].id]));
    document.addEventListener("article-widget:open", (e) => {
      seen.push(["open", e.target.id, e.detail.id, e.detail.url, e.cancelable]);
      e.preventDefault();
    });
  });
  const w = await addWidget(page, { id: "w", src: "/sample/feed.json", layout: "list" });
  await ready(w);
  const before = page.url();
  await w.locator("li a").first().click();
  expect(page.url()).toBe(before);
  expect(await page.evaluate(() => window.seen)).toEqual([
    ["ready", "w", "lang-son-ban-chi-dao-35-so-ket-2021"],
    ["open", "w", "lang-son-ban-chi-dao-35-so-ket-2021",
      "https://news.example/lang-son/ban-chi-dao-35-so-ket-6-thang-dau-nam-2021", true],
  ]);
});

test("a page whose CSP allows no inline style renders the widget fully styled", async ({ page }) => {
  const violations = [];
  page.on("console", (m) => /Content Security Policy|Refused/.test(m.text()) && violations.push(m.text()));
  await page.goto("/e2e/contract.csp.html");
  const w = page.locator("#strict");
  await ready(w);
  const headline = w.locator("h2");
  await expect(headline).toHaveCSS("font-weight", "700");
  await expect(w.locator(".aw-meta")).toHaveCSS("display", "flex");
  expect(violations).toEqual([]);
  expect(await page.evaluate(() => {
    const root = document.getElementById("strict").shadowRoot;
    return {
      styleElements: root.querySelectorAll("style").length,
      styleAttributes: root.querySelectorAll("[style]").length,
      adopted: root.adoptedStyleSheets.length,
    };
  })).toEqual({ styleElements: 0, styleAttributes: 0, adopted: 1 });
});

test("hostile host CSS leaves the widget's look unchanged, and the widget's CSS stays inside", async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 2400 });
  await page.goto("/e2e/plain.html");
  await ready(page.locator("#w"));
  await imagesLoaded(page.locator("#w"));
  const plain = await page.locator("#w").screenshot({ animations: "disabled", path: `${SHOTS}isolation-plain.png` });
  const hostFont = await page.locator("#host-text").evaluate((el) => getComputedStyle(el).fontFamily);

  await page.goto("/e2e/hostile.html");
  await ready(page.locator("#w"));
  await imagesLoaded(page.locator("#w"));
  const hostile = await page.locator("#w").screenshot({ animations: "disabled", path: `${SHOTS}isolation-hostile.png` });
  const delta = await maxPixelDelta(page, plain, hostile);
  expect(delta).toBeGreaterThanOrEqual(0);
  expect(delta).toBeLessThanOrEqual(2);

  // Same page, the widget's classes and elements do not style the host's.
  await page.goto("/e2e/plain.html");
  await ready(page.locator("#w"));
  expect(await page.locator("#host-text").evaluate((el) => getComputedStyle(el).fontFamily)).toBe(hostFont);
  expect(await page.evaluate(() => document.styleSheets.length)).toBe(1);
});

test("twenty instances on one page share one wasm module", async ({ page }) => {
  const wasm = [];
  page.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(r.url()));
  await page.goto("/e2e/blank.html");
  await page.evaluate(() => {
    for (let i = 0; i < 20; i++) {
      const el = document.createElement("article-widget");
      el.id = `w${i}`;
      el.setAttribute("src", `/sample/feed.json?instance=${i}`);
      el.setAttribute("layout", "list");
      el.setAttribute("limit", String(1 + (i % 4)));
      document.body.append(el);
    }
  });
  for (let i = 0; i < 20; i++) {
    const w = page.locator(`#w${i}`);
    await ready(w);
    await expect(w.locator("li")).toHaveCount(1 + (i % 4));
  }
  expect(wasm).toHaveLength(1);
});

test("moved elements render again, removed ones cancel their fetch, late ones work", async ({ page }) => {
  const aborted = [];
  page.on("requestfailed", (r) => aborted.push([new URL(r.url()).pathname, r.failure()?.errorText]));
  await page.goto("/e2e/blank.html");

  const moved = await addWidget(page, { id: "moved", src: "/sample/feed.json", layout: "list", limit: "2" });
  await ready(moved);
  await page.evaluate(async () => {
    const el = document.getElementById("moved");
    const box = document.createElement("section");
    document.body.prepend(box);
    box.append(el); // moved within one task
    await new Promise((r) => setTimeout(r, 50));
    el.remove(); // detached across tasks, then back
    await new Promise((r) => setTimeout(r, 50));
    document.body.append(el);
  });
  await ready(moved);
  await expect(moved.locator("li")).toHaveCount(2);

  await addWidget(page, { id: "gone", src: "/slow?ms=5000" });
  await expect(page.locator("#gone")).toHaveAttribute("data-state", "loading");
  await page.evaluate(() => document.getElementById("gone").remove());
  await expect.poll(() => aborted).toContainEqual(["/slow", "net::ERR_ABORTED"]);

  await page.waitForTimeout(1000); // "long after page load"
  const late = await addWidget(page, { id: "late", src: "/sample/feed.json", layout: "cards", limit: "3" });
  await ready(late);
  await expect(late.locator("li")).toHaveCount(3);
});

test("dist works from another origin, under a sub-path, with its cache headers", async ({ page }) => {
  const responses = {};
  page.on("response", (r) => {
    const u = new URL(r.url());
    if (u.port === "4174") responses[u.pathname.split("/").pop()] = r.headers()["cache-control"];
  });
  await page.goto("/e2e/cross-origin.html");
  const w = page.locator("#remote");
  await ready(w);
  await expect(w.locator("li")).toHaveCount(3);
  const names = Object.keys(responses);
  expect(responses["article-widget.js"]).toContain("max-age=300");
  const hashed = names.filter((n) => /-[0-9a-f]+(_bg)?\.(js|wasm)$/.test(n));
  expect(hashed).toHaveLength(2);
  for (const n of hashed) expect(responses[n]).toContain("immutable");
});
