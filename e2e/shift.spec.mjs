// Core Web Vitals on a partner page: the widget keeps its space from the first
// paint on, so the page around it never moves. The layout-shift total comes
// from PerformanceObserver ('layout-shift'), as Lighthouse and CrUX count it.
import { test, expect } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { partnerPage } from "../bench/partner.mjs";

const SHOTS = new URL("../screenshots/", import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

const CLS_LIMIT = 0.02;
const LINK = `<link rel="stylesheet" href="/article-widget.css">`;
const ENTRY = `<script type="module" src="/article-widget.js"></script>`;
const SAMPLE_FEED = new URL("../sample/feed.json", import.meta.url).pathname;
const EMPTY_FEED = JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "Nothing yet", items: [] });

/**
 * Opens a partner page with the .wasm held back, so that the page is painted
 * with the widgets not yet defined; returns their heights then, and a
 * function that lets the .wasm through.
 */
async function openHeld(page, { width, widgets = "", last = "", head = `${LINK}${ENTRY}` }) {
  await page.setViewportSize({ width, height: 900 });
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  // The sample feed (its images beside it), answered late: the widget shows
  // its skeleton first.
  await page.route("**/sample/late-feed.json", async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.fulfill({ path: SAMPLE_FEED, contentType: "application/json" });
  });
  await page.route("**/e2e/partner.html", (route) =>
    route.fulfill({ contentType: "text/html; charset=utf-8", body: partnerPage({ head, widgets, last, observe: true }) }),
  );
  await page.goto("/e2e/partner.html", { waitUntil: "domcontentloaded" });
  // Two frames painted with the elements undefined: what a reader sees first.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const before = await heights(page);
  expect(before.every((w) => !w.defined), "the widgets are painted before their script runs").toBe(true);
  return { before, release };
}

function heights(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("article-widget")].map((el) => ({
      id: el.id,
      defined: el.matches(":defined"),
      state: el.getAttribute("data-state"),
      height: el.getBoundingClientRect().height,
    })),
  );
}

/** Waits until every widget has settled in one of `states` and its images have loaded. */
async function settled(page, states) {
  for (const widget of await page.locator("article-widget").all()) {
    await expect(widget).toHaveAttribute("data-state", new RegExp(`^(${states.join("|")})$`));
  }
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.querySelectorAll("article-widget")].every((el) =>
          [...el.shadowRoot.querySelectorAll("img")].every((i) => i.complete),
        ),
      ),
    )
    .toBe(true);
  // Let any late layout land before counting.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 200)))));
}

const layoutShift = (page) => page.evaluate(() => window.__shifts.reduce((sum, s) => sum + s.value, 0));

const cases = [
  { name: "list", attrs: `layout="list" limit="6"` },
  { name: "cards", attrs: `layout="cards" limit="6"` },
  { name: "cards with Load more", attrs: `layout="cards" limit="3"` },
];

for (const { name, attrs } of cases) {
  for (const width of [412, 1280]) {
    test(`layout shift of a partner page with ${name}, ${width}px: at most ${CLS_LIMIT}`, async ({ page }) => {
      // The feed answers after the widget is up: undefined → skeleton → articles.
      const widgets = `<article-widget id="w" src="/sample/late-feed.json" ${attrs} lang="vi" theme="light"></article-widget>`;
      const { before, release } = await openHeld(page, { width, widgets });
      expect(before[0].height).toBeGreaterThan(200);
      release();
      await expect(page.locator("#w")).toHaveAttribute("data-state", "loading");
      await expect(page.locator("#w [aria-busy=true]")).toBeVisible();
      expect((await heights(page))[0].height, "the skeleton has the reserved height").toBeCloseTo(before[0].height, 0);
      await settled(page, ["ready"]);
      const after = await heights(page);
      if (await page.locator("#w").evaluate((el) => el.hasAttribute("data-fit"))) {
        // The sample has 4 articles: below the fold, the space of the others is let go.
        expect(after[0].height, "the articles take no more than the reserved height").toBeLessThanOrEqual(before[0].height + 0.5);
      } else {
        expect(after[0].height, "the articles have the reserved height").toBeCloseTo(before[0].height, 0);
      }
      const shifts = await page.evaluate(() => window.__shifts);
      expect(await layoutShift(page), JSON.stringify(shifts)).toBeLessThanOrEqual(CLS_LIMIT);
      await page.screenshot({ path: `${SHOTS}shift-${name.replace(/ /g, "-")}-${width}.png`, fullPage: true });
    });
  }
}

test("error and empty states keep the reserved height; nothing around them moves", async ({ page }) => {
  const widgets = [
    `<article-widget id="error" src="/fixtures/missing.json" layout="list" limit="4" lang="vi"></article-widget>`,
    `<article-widget id="empty" layout="cards" limit="4" lang="vi"><script type="application/json">${EMPTY_FEED}</script></article-widget>`,
  ].join("\n");
  const { before, release } = await openHeld(page, { width: 768, widgets });
  release();
  await expect(page.locator("#error")).toHaveAttribute("data-state", "error");
  await expect(page.locator("#empty")).toHaveAttribute("data-state", "empty");
  await expect(page.locator("#error [role=alert]")).toBeVisible();
  await settled(page, ["error", "empty"]);
  const after = await heights(page);
  for (const [i, widget] of after.entries()) {
    expect(widget.height, `${widget.id} keeps its height`).toBeCloseTo(before[i].height, 0);
  }
  expect(await layoutShift(page)).toBeLessThanOrEqual(CLS_LIMIT);
  await page.screenshot({ path: `${SHOTS}shift-error-empty-768.png`, fullPage: true });
});

test("an article widget placed last moves nothing above it as it grows", async ({ page }) => {
  const last = `<article-widget id="w" src="/sample/late-feed.json" layout="article" lang="vi" theme="light"></article-widget>`;
  const { before, release } = await openHeld(page, { width: 412, last });
  expect(before[0].height).toBeGreaterThan(200);
  release();
  await settled(page, ["ready"]);
  expect((await heights(page))[0].height).toBeGreaterThanOrEqual(before[0].height - 1);
  expect(await layoutShift(page)).toBeLessThanOrEqual(CLS_LIMIT);
});

test("without the <link>, the entry module reserves the same space before the wasm arrives", async ({ page }) => {
  const widgets = `<article-widget id="w" src="/sample/feed.json" layout="list" limit="6"></article-widget>`;
  const { before: withLink } = await openHeld(page, { width: 412, widgets });
  expect(withLink[0].height).toBeGreaterThan(200);
  const fresh = await page.context().newPage();
  const { before: moduleOnly, release } = await openHeld(fresh, { width: 412, widgets, head: ENTRY });
  expect(moduleOnly[0].height).toBeCloseTo(withLink[0].height, 0);
  release();
  await expect(fresh.locator("#w")).toHaveAttribute("data-state", "ready");
  // The host page itself is not styled: only article-widget rules were adopted.
  const foreign = await fresh.evaluate(() =>
    document.adoptedStyleSheets.flatMap((s) => [...s.cssRules]).filter((r) => {
      const text = r.selectorText ?? r.cssRules?.[0]?.selectorText ?? "";
      return !text.split(",").every((sel) => sel.trim().startsWith("article-widget"));
    }).length,
  );
  expect(foreign).toBe(0);
});

test("a partner's --aw-reserve is the least height in every state", async ({ page }) => {
  const widgets = `<article-widget id="w" src="/sample/late-feed.json" layout="article"></article-widget>`;
  const head = `<style>#w { --aw-reserve: 1500px; }</style>${LINK}${ENTRY}`;
  const { before, release } = await openHeld(page, { width: 412, widgets, head });
  expect(before[0].height).toBeCloseTo(1500, 0);
  release();
  await expect(page.locator("#w [aria-busy=true]")).toBeVisible();
  expect((await heights(page))[0].height).toBeCloseTo(1500, 0);
  await settled(page, ["ready"]);
  expect((await heights(page))[0].height).toBeGreaterThanOrEqual(1500);
});

/** The blank height inside a widget below its last article (or Load more). */
const blankBelow = (page) =>
  page.locator("#w").evaluate((el) => {
    const root = el.shadowRoot.querySelector(".aw");
    const boxes = [...root.querySelectorAll("[part~=item], [part~=more]")].map((e) => e.getBoundingClientRect().bottom);
    return el.getBoundingClientRect().bottom - Math.max(...boxes);
  });

test("a short feed lets its blank space go once the widget's end is below the fold; nothing in view moves", async ({ page }) => {
  // 4 articles where 10 were reserved, on a phone: the widget ends below the fold.
  const widgets = `<article-widget id="w" src="/sample/late-feed.json" layout="list" limit="10" lang="vi" theme="light"></article-widget>`;
  const { before, release } = await openHeld(page, { width: 412, widgets });
  release();
  await settled(page, ["ready"]);
  await expect(page.locator("#w")).toHaveAttribute("data-fit", "");
  const after = await heights(page);
  expect(after[0].height, "shorter than the reserve of 10").toBeLessThan(before[0].height - 200);
  expect(await blankBelow(page), "no blank rows below the last article").toBeLessThan(80);
  expect(await layoutShift(page)).toBeLessThanOrEqual(CLS_LIMIT);
  await page.screenshot({ path: `${SHOTS}shift-short-feed-412.png`, fullPage: true });
});

test("a short feed whose end is in view keeps its space until the end is below the fold", async ({ page }) => {
  const widgets = `<article-widget id="w" src="/sample/late-feed.json" layout="list" limit="10" lang="vi" theme="light"></article-widget>`;
  const { before, release } = await openHeld(page, { width: 412, widgets });
  // The whole page in view: letting the space go would pull the text below up.
  await page.setViewportSize({ width: 412, height: 4000 });
  release();
  await settled(page, ["ready"]);
  expect((await heights(page))[0].height).toBeCloseTo(before[0].height, 0);
  expect(await page.locator("#w").evaluate((el) => el.hasAttribute("data-fit"))).toBe(false);
  expect(await layoutShift(page)).toBeLessThanOrEqual(CLS_LIMIT);
  // The reader's window gets shorter: the end is below the fold now.
  await page.setViewportSize({ width: 412, height: 600 });
  await expect(page.locator("#w")).toHaveAttribute("data-fit", "");
  expect((await heights(page))[0].height).toBeLessThan(before[0].height - 200);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect(await layoutShift(page)).toBeLessThanOrEqual(CLS_LIMIT);
});
