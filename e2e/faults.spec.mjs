// Feeds that fail the ways partner feeds do, served by e2e/fault-server (a
// Rust server on another origin, started by playwright.config.mjs). For each
// fault: the data-state and visible message the widget ends in, how many
// requests it made, and that the host page stayed responsive.
import { test, expect } from "@playwright/test";

const FAULT = "http://127.0.0.1:4180";
const SHOTS = new URL("../screenshots/", import.meta.url).pathname;

let counter = 0;
/** A test name for the fault server's per-test attempt log. */
const unique = (name) => `${name}-${Date.now()}-${counter++}`;

/** What the fault server saw for test `t`: [{ method, path, at, ifNoneMatch, sent }]. */
async function attempts(t) {
  const response = await fetch(`${FAULT}/_log?t=${t}`);
  return response.json();
}

/** Adds an <article-widget id=…> for a fault route, and records its events. */
async function addWidget(page, id, route, attributes = {}) {
  await page.evaluate(
    ([id, src, attributes]) => {
      window.events ??= [];
      const el = document.createElement("article-widget");
      el.id = id;
      el.setAttribute("src", src);
      for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
      for (const type of ["article-widget:ready", "article-widget:error"]) {
        el.addEventListener(type, (e) => window.events.push({ id, type, ...e.detail, items: e.detail.items?.length }));
      }
      document.body.append(el);
    },
    [id, `${FAULT}${route}`, attributes],
  );
  return page.locator(`#${id}`);
}

const events = (page, id) => page.evaluate((id) => (window.events ?? []).filter((e) => e.id === id), id);

/**
 * Until `done()` holds, asks the page for 1 + 1 every 100 ms and measures the
 * round trip. Returns the slowest, in ms. A frozen main thread would not answer.
 */
async function responsiveUntil(page, done, bound = 2_000) {
  let slowest = 0;
  while (!(await done())) {
    const started = Date.now();
    const answer = await Promise.race([
      page.evaluate(() => 1 + 1),
      new Promise((r) => setTimeout(() => r("no answer"), bound)),
    ]);
    expect(answer, `the page answers within ${bound} ms`).toBe(2);
    slowest = Math.max(slowest, Date.now() - started);
    await page.waitForTimeout(100);
  }
  return slowest;
}

/** Starts recording the page's longest event-loop stall (a 50 ms interval's lateness). */
const watchStalls = (page) =>
  page.evaluate(() => {
    window.stall = 0;
    let last = performance.now();
    window.stallTimer = setInterval(() => {
      const now = performance.now();
      window.stall = Math.max(window.stall, now - last - 50);
      last = now;
    }, 50);
  });
const longestStall = (page) => page.evaluate(() => (clearInterval(window.stallTimer), Math.round(window.stall)));

const state = (widget) => widget.getAttribute("data-state");

let pageErrors = [];

test.beforeEach(async ({ page }) => {
  pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto("/e2e/blank.html");
  await page.waitForFunction(() => customElements.get("article-widget"));
});

// Whatever the feed does, nothing is thrown in the page (a panic would be).
test.afterEach(() => expect(pageErrors).toEqual([]));

test("a 404 is an http error at once, not retried", async ({ page }) => {
  const t = unique("404");
  const w = await addWidget(page, "w", `/404?t=${t}`);
  await expect(w).toHaveAttribute("data-state", "error");
  await expect(w.locator("[role=alert]")).toContainText("HTTP 404");
  await page.waitForTimeout(1_500);
  expect(await attempts(t)).toHaveLength(1);
  expect(await events(page, "w")).toMatchObject([{ type: "article-widget:error", kind: "http", status: 404 }]);
});

test("a 500 is retried, and the retry's articles are shown", async ({ page }) => {
  const t = unique("flaky");
  const w = await addWidget(page, "w", `/flaky?t=${t}`);
  await expect(w).toHaveAttribute("data-state", "ready");
  await expect(w.locator("li")).toHaveCount(3);
  expect((await attempts(t)).map((a) => a.path)).toEqual(["/flaky", "/flaky"]);
  expect(await events(page, "w")).toMatchObject([{ type: "article-widget:ready", items: 3 }]);
});

test("a 429 is retried after its Retry-After", async ({ page }) => {
  const t = unique("429");
  const w = await addWidget(page, "w", `/rate-limited?t=${t}`);
  await expect(w).toHaveAttribute("data-state", "ready");
  const [first, second] = await attempts(t);
  expect(second.at - first.at, "Retry-After: 1 was honoured").toBeGreaterThanOrEqual(950);
});

test("a server that never answers times out after 10 s, once", async ({ page }) => {
  test.setTimeout(45_000);
  const t = unique("hang");
  const started = Date.now();
  const w = await addWidget(page, "w", `/hang?t=${t}`);
  await page.waitForTimeout(5_000);
  expect(await state(w)).toBe("loading");
  await expect(w).toHaveAttribute("data-state", "error", { timeout: 10_000 });
  const elapsed = Date.now() - started;
  test.info().annotations.push({ type: "hang → error", description: `${elapsed} ms` });
  expect(elapsed).toBeGreaterThan(9_500);
  expect(elapsed).toBeLessThan(13_000);
  await expect(w.locator("[role=alert]")).toContainText("did not answer within 10 seconds");
  expect(await events(page, "w")).toMatchObject([{ type: "article-widget:error", kind: "timeout" }]);
  expect(await attempts(t), "a timeout is not retried").toHaveLength(1);
});

test("a drip-fed body arrives whole, and the page stays responsive meanwhile", async ({ page }) => {
  test.setTimeout(30_000);
  const t = unique("drip");
  await watchStalls(page);
  const w = await addWidget(page, "w", `/drip?ms=20&t=${t}`);
  const slowest = await responsiveUntil(page, async () => (await state(w)) !== "loading");
  const stall = await longestStall(page);
  test.info().annotations.push({ type: "drip", description: `slowest evaluate ${slowest} ms, longest stall ${stall} ms` });
  await expect(w).toHaveAttribute("data-state", "ready");
  await expect(w.locator("li")).toHaveCount(2);
  expect((await attempts(t))[0].sent).toBeGreaterThan(200);
});

test("a truncated body is a network error after three attempts", async ({ page }) => {
  const t = unique("truncated");
  const w = await addWidget(page, "w", `/truncated?t=${t}`);
  await expect(w).toHaveAttribute("data-state", "error");
  await expect(w.locator("[role=alert]")).toContainText("the answer broke off");
  expect(await events(page, "w")).toMatchObject([{ kind: "network" }]);
  expect(await attempts(t)).toHaveLength(3);
});

test("an HTML page where the feed should be says so", async ({ page }) => {
  const t = unique("html");
  const w = await addWidget(page, "w", `/html?t=${t}`);
  await expect(w).toHaveAttribute("data-state", "error");
  await expect(w.locator("[role=alert]")).toContainText("returned a web page, not JSON");
  expect(await events(page, "w")).toMatchObject([{ kind: "format" }]);
  expect(await attempts(t)).toHaveLength(1);
});

test("a 40 MB body is cut off at the 5 MB cap while it streams, the page responsive", async ({ page }) => {
  test.setTimeout(30_000);
  const t = unique("huge");
  await watchStalls(page);
  const w = await addWidget(page, "w", `/huge?t=${t}`);
  const slowest = await responsiveUntil(page, async () => (await state(w)) !== "loading");
  const stall = await longestStall(page);
  test.info().annotations.push({ type: "40 MB", description: `slowest evaluate ${slowest} ms, longest stall ${stall} ms` });
  await expect(w).toHaveAttribute("data-state", "error");
  await expect(w.locator("[role=alert]")).toContainText("too large: more than 5242880 bytes");
  expect(await events(page, "w")).toMatchObject([{ kind: "too-large" }]);
  await expect.poll(async () => (await attempts(t))[0]?.sent).toBeLessThan(40 * 1024 * 1024);
  const [only, ...more] = await attempts(t);
  expect(more, "too large is not retried").toEqual([]);
  test.info().annotations.push({ type: "40 MB", description: `the server wrote ${only.sent} bytes before the widget hung up` });

  // A Content-Length over the cap is refused before the body is read.
  const declared = unique("huge-declared");
  const d = await addWidget(page, "d", `/huge-declared?t=${declared}`);
  await expect(d).toHaveAttribute("data-state", "error");
  await expect(d.locator("[role=alert]")).toContainText("too large");
});

test("an empty body is a format error", async ({ page }) => {
  const w = await addWidget(page, "w", `/empty?t=${unique("empty")}`);
  await expect(w).toHaveAttribute("data-state", "error");
  await expect(w.locator("[role=alert]")).toContainText("returned an empty document");
  expect(await events(page, "w")).toMatchObject([{ kind: "format" }]);
});

test("a server that refuses the page's origin (CORS) is a network error that mentions CORS", async ({ page }) => {
  const t = unique("cors");
  const w = await addWidget(page, "w", `/cors-refused?t=${t}`);
  await expect(w).toHaveAttribute("data-state", "error");
  await expect(w.locator("[role=alert]")).toContainText("CORS");
  expect(await events(page, "w")).toMatchObject([{ kind: "network" }]);
  // Indistinguishable from a network failure to the page, so retried.
  expect((await attempts(t)).length).toBeLessThanOrEqual(3);
});

test("a redirect loop is a network error", async ({ page }) => {
  const t = unique("loop");
  const w = await addWidget(page, "w", `/redirect-loop?t=${t}`);
  await expect(w).toHaveAttribute("data-state", "error");
  expect(await events(page, "w")).toMatchObject([{ kind: "network" }]);
});

test("a refresh sends If-None-Match, and a 304 keeps the articles and announces ready", async ({ page }) => {
  const t = unique("etag");
  const w = await addWidget(page, "w", `/etag?t=${t}`);
  await expect(w).toHaveAttribute("data-state", "ready");
  await w.evaluate((el) => el.refresh());
  await expect.poll(async () => (await events(page, "w")).length).toBe(2);
  expect(await events(page, "w")).toMatchObject([
    { type: "article-widget:ready", items: 3 },
    { type: "article-widget:ready", items: 3 },
  ]);
  expect((await attempts(t)).map((a) => [a.method, a.ifNoneMatch])).toEqual([
    ["GET", null],
    ["OPTIONS", null], // the CORS preflight If-None-Match needs
    ["GET", '"v1"'],
  ]);
  await expect(w.locator("li")).toHaveCount(3);
  await expect(w.locator("[role=status]").first()).toBeEmpty();
});

test("a server that refuses the If-None-Match preflight is asked without it, and then never with it", async ({ page }) => {
  const t = unique("no-preflight");
  const w = await addWidget(page, "w", `/etag-no-preflight?t=${t}`);
  await expect(w).toHaveAttribute("data-state", "ready");
  for (const n of [2, 3]) {
    await w.evaluate((el) => el.refresh());
    await expect.poll(async () => (await events(page, "w")).length).toBe(n);
  }
  // The retries go without the widget's If-None-Match; the one the server
  // sees is the browser's HTTP cache revalidating its own copy (the feed
  // sends ETag and Cache-Control: no-cache), which needs no preflight.
  expect((await attempts(t)).map((a) => [a.method, a.ifNoneMatch])).toEqual([
    ["GET", null],
    ["OPTIONS", null], // refused: a network error to the page
    ["GET", '"v1"'], // the retry
    ["GET", '"v1"'], // the next refresh: no preflight tried again
  ]);
  expect(await state(w)).toBe("ready");
  await expect(w.locator("[role=status]").first()).toBeEmpty();
});

test("cached articles show at once after a reload, and survive failing refreshes with a notice", async ({ page }) => {
  test.setTimeout(40_000);
  const t = unique("swr");
  const route = `/once-then-500?delay=1500&t=${t}`;
  let w = await addWidget(page, "w", route, { lang: "en" });
  await expect(w).toHaveAttribute("data-state", "ready");
  await expect(w.locator("li")).toHaveCount(3);
  // Kept in localStorage in the task after the one that showed it.
  await page.waitForFunction((t) => Object.keys(localStorage).some((k) => k.includes(t)), t);

  await page.reload();
  await page.waitForFunction(() => customElements.get("article-widget"));
  const added = Date.now();
  w = await addWidget(page, "w", route, { lang: "en" });
  await expect(w).toHaveAttribute("data-state", "ready", { timeout: 1_000 });
  await expect(w.locator("li")).toHaveCount(3);
  const shownAfter = Date.now() - added;
  // The server holds each failing answer for 1.5 s: nothing has come back yet.
  const notice = w.locator("p[role=status][part=notice]");
  await expect(notice).toBeEmpty();
  test.info().annotations.push({ type: "cached articles shown after", description: `${shownAfter} ms` });

  await expect(notice).toContainText(/^Couldn't update — showing articles from \d\d:\d\d$/, { timeout: 15_000 });
  await expect(notice).toBeVisible();
  await w.screenshot({ path: `${SHOTS}stale-notice.png` });
  expect(await state(w)).toBe("ready");
  await expect(w.locator("li")).toHaveCount(3);
  const failed = await attempts(t);
  expect(failed.length).toBe(4); // the first visit, then three attempts

  await w.evaluate((el) => el.setAttribute("lang", "vi"));
  await expect(notice).toContainText(/^Không cập nhật được — đang hiển thị bài viết lúc \d\d:\d\d$/);

  // A manual refresh that fails again: still ready, still the same articles.
  await w.evaluate((el) => el.refresh());
  await expect.poll(async () => (await attempts(t)).length, { timeout: 15_000 }).toBe(7);
  await page.waitForTimeout(500);
  expect(await state(w)).toBe("ready");
  await expect(w.locator("li")).toHaveCount(3);
  await expect(notice).not.toBeEmpty();
  expect((await events(page, "w")).map((e) => e.type)).toEqual(["article-widget:ready"]);
});

test("Load more appends the next page without repeats, then goes away", async ({ page }) => {
  const t = unique("paged");
  const w = await addWidget(page, "w", `/paged?page=1&t=${t}`, { layout: "cards", limit: "3", lang: "en" });
  await expect(w).toHaveAttribute("data-state", "ready");
  await expect(w.locator("li")).toHaveCount(3);
  const more = w.locator("button[part=more]");
  await expect(more).toHaveText("Load more");
  await w.screenshot({ path: `${SHOTS}load-more.png` });
  await more.click();
  await expect(w.locator("li")).toHaveCount(5);
  await expect(w.locator("li h2")).toHaveText(["Tin p1", "Tin p2", "Tin p3", "Tin p4", "Tin p5"]);
  await expect(more).toHaveCount(0);
  expect((await attempts(t)).length).toBe(2);
  const last = (await events(page, "w")).at(-1);
  expect(last).toMatchObject({ type: "article-widget:ready", items: 5 });
});

test("Items that share an id or a url each show once, before and after a refresh that reorders them", async ({ page }) => {
  const t = unique("duplicate-ids");
  const w = await addWidget(page, "w", `/duplicate-ids?t=${t}`, { lang: "vi" });
  await expect(w).toHaveAttribute("data-state", "ready");
  const headlines = w.locator("li h2");
  await expect(headlines).toHaveText(["Tin một", "Tin hai", "Tin ba", "Tin bốn"]);
  await w.evaluate((el) => el.refresh());
  await expect.poll(async () => (await attempts(t)).length).toBe(2);
  await expect(headlines).toHaveText(["Tin bốn", "Tin ba", "Tin hai", "Tin một"]);
  const ids = (await events(page, "w")).at(-1);
  expect(ids).toMatchObject({ type: "article-widget:ready", items: 4 });
});

test("Load more reads a Ghost feed's next page from meta.pagination, keeping its key", async ({ page }) => {
  const t = unique("ghost-paged");
  const w = await addWidget(page, "w", `/ghost-paged?key=k&t=${t}`, { limit: "3", lang: "en" });
  await expect(w).toHaveAttribute("data-state", "ready");
  await expect(w.locator("li")).toHaveCount(3);
  const more = w.locator("button[part=more]");
  await expect(more).toHaveText("Load more");
  await more.click();
  await expect(w.locator("li")).toHaveCount(5);
  await expect(w.locator("li h2")).toHaveText(["Tin g1", "Tin g2", "Tin g3", "Tin g4", "Tin g5"]);
  await expect(more).toHaveCount(0);
  // The server answers page 2 only with the key, so the fifth item says it was kept.
  expect(await attempts(t)).toHaveLength(2);
});

test("Load more that fails says so, keeps the articles, and can be tried again", async ({ page }) => {
  const t = unique("paged-fail");
  const w = await addWidget(page, "w", `/paged?page=1&fail=1&t=${t}`, { limit: "3", lang: "vi" });
  await expect(w).toHaveAttribute("data-state", "ready");
  const more = w.locator("button[part=more]");
  await expect(more).toHaveText("Tải thêm");
  await more.click();
  await expect(more).toHaveText("Đang tải…");
  await expect(more).toHaveAttribute("aria-busy", "true");
  await expect(w.locator(".aw-more [role=status]")).toHaveText("Không tải thêm được bài viết.", { timeout: 10_000 });
  await w.screenshot({ path: `${SHOTS}load-more-failed.png` });
  await expect(more).toHaveText("Tải thêm");
  await expect(w.locator("li")).toHaveCount(3);
  expect(await state(w)).toBe("ready");
  await more.click();
  await expect.poll(async () => (await attempts(t)).length, { timeout: 10_000 }).toBe(7);
});

test("articles new since the last update are marked", async ({ page }) => {
  const t = unique("growing");
  const w = await addWidget(page, "w", `/growing?t=${t}`, { lang: "en" });
  await expect(w.locator("li")).toHaveCount(2);
  await expect(w.locator("li[data-new]")).toHaveCount(0);
  await w.evaluate((el) => el.refresh());
  await expect(w.locator("li")).toHaveCount(3);
  await expect(w.locator("li[data-new]")).toHaveCount(1);
  const first = w.locator("li").first();
  await expect(first).toHaveAttribute("data-new", "");
  await expect(first.locator(".aw-new")).toHaveText("New");
  await expect(first.locator("h2")).toHaveText("Tin g3");
  await w.screenshot({ path: `${SHOTS}new-article.png` });
});

test("removing the element cancels its retry; a new src drops the old request's answer", async ({ page }) => {
  const t = unique("cancel");
  const aborted = [];
  page.on("requestfailed", (r) => aborted.push([new URL(r.url()).pathname, r.failure()?.errorText]));

  // 503 with Retry-After: 2, so the widget is waiting to retry when removed.
  await addWidget(page, "gone", `/always-500?retry=2&t=${t}`);
  await expect.poll(async () => (await attempts(t)).length).toBe(1);
  await page.evaluate(() => document.getElementById("gone").remove());
  await page.waitForTimeout(3_000);
  expect(await attempts(t), "no retry after removal").toHaveLength(1);

  const w = await addWidget(page, "w", `/feed?delay=2000&title=Old&t=${unique("old")}`);
  await page.waitForTimeout(300);
  await w.evaluate((el, src) => el.setAttribute("src", src), `${FAULT}/feed?title=New&t=${unique("new")}`);
  await expect(w).toHaveAttribute("data-state", "ready");
  await expect(w.locator("li h2").first()).toHaveText("New f1");
  await page.waitForTimeout(2_500);
  await expect(w.locator("li h2").first()).toHaveText("New f1");
  expect(aborted).toContainEqual(["/feed", "net::ERR_ABORTED"]);
});
