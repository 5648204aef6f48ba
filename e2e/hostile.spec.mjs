// One bad widget: for each way a feed (or what a page left in storage) can
// try to hurt the page around it, a page with that hostile widget, a good
// one beside it and a good one added after. The good ones reach `ready`, the
// page raises no error, no task blocks the main thread for long, and the
// hostile widget itself ends in a state a reader can understand.
import { test, expect } from "@playwright/test";

const FAULT = "http://127.0.0.1:4180";
const PAGE = "http://127.0.0.1:4173";

let counter = 0;
const unique = (name) => `${name}-${Date.now()}-${counter++}`;

test.beforeEach(async ({ page }) => {
  page.errors = [];
  page.on("pageerror", (error) => page.errors.push(String(error)));
  await page.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longTasks.push(Math.round(entry.duration));
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto("/e2e/blank.html");
  await page.waitForFunction(() => customElements.get("article-widget"));
});

/** Adds an <article-widget id=…>; `src` is used as written. */
async function add(page, id, attributes) {
  await page.evaluate(
    ([id, attributes]) => {
      const el = document.createElement("article-widget");
      el.id = id;
      for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
      document.body.append(el);
    },
    [id, attributes],
  );
  return page.locator(`#${id}`);
}

const good = () => ({ src: `${FAULT}/feed?items=3&t=${unique("good")}`, lang: "vi" });

/**
 * The hostile widget with a good one before it and one after; `act` then
 * does what makes it hurt (a refresh, Load more). Returns the hostile one.
 */
async function oneBadWidget(page, hostile, act = async () => {}) {
  // Only what happens from here on: loading the module is not the feed's doing.
  await page.evaluate(() => (window.longTasks.length = 0));
  const before = await add(page, "before", good());
  const bad = await add(page, "bad", hostile);
  await expect(before).toHaveAttribute("data-state", "ready");
  await expect(bad).toHaveAttribute("data-state", /ready|error|empty/, { timeout: 15_000 });
  await act(bad);
  const after = await add(page, "after", good());
  await expect(after).toHaveAttribute("data-state", "ready");
  await expect(after.locator("li")).toHaveCount(3);
  // Two frames, so that whatever the last render started has finished.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect(page.errors, "no error reached the page").toEqual([]);
  const longTasks = await page.evaluate(() => window.longTasks);
  expect(longTasks.filter((ms) => ms > 200), `long tasks: ${longTasks}`).toEqual([]);
  return bad;
}

const hostile = (kind, extra = {}) => ({
  src: `${FAULT}/hostile?kind=${kind}&page=${encodeURIComponent(PAGE)}&t=${unique(kind)}`,
  lang: "vi",
  ...extra,
});

test("formatting left open before thousands of blocks does not freeze the page", async ({ page }) => {
  const bad = await oneBadWidget(page, hostile("amplify", { layout: "article" }));
  await expect(bad).toHaveAttribute("data-state", "ready");
  await expect(bad.locator("[part=headline]")).toHaveText("Khuếch đại");
});

test("a document of 20 000 items is read up to its first 1 000", async ({ page }) => {
  const bad = await oneBadWidget(page, hostile("many-items", { limit: "5" }), async (bad) => {
    await bad.locator("button[part=more]").click();
    await expect(bad.locator("li")).toHaveCount(10);
  });
  await expect(bad).toHaveAttribute("data-state", "ready");
});

test("an image 4 294 967 295 pixels tall whose file never arrives keeps the widget its normal size", async ({ page }) => {
  const bad = await oneBadWidget(page, hostile("huge-image", { layout: "article" }));
  const box = await bad.boundingBox();
  expect(box.height).toBeLessThan(2_000);
});

test("image sizes named by the document do not grow memory with each refresh", async ({ page }) => {
  const client = await page.context().newCDPSession(page);
  const heap = async () => {
    await client.send("HeapProfiler.collectGarbage");
    return (await client.send("Runtime.getHeapUsage")).usedSize;
  };
  let first = 0;
  const bad = await oneBadWidget(page, hostile("wp-sizes", { layout: "article" }), async (bad) => {
    const refreshed = async () => {
      const ready = bad.evaluate((el) => new Promise((r) => el.addEventListener("article-widget:ready", r, { once: true })));
      await bad.evaluate((el) => el.refresh());
      await ready;
    };
    await refreshed();
    first = await heap();
    for (let i = 0; i < 3; i++) await refreshed();
  });
  const growth = (await heap()) - first;
  // Interned, the 30 000 names stayed in the page for good: +2 MB a refresh.
  expect(growth, `${growth} bytes`).toBeLessThan(1_000_000);
  await expect(bad.locator("[part=headline]")).toHaveText("Nhiều cỡ ảnh");
});

test("no request of the widget carries the reader's cookies, not even to the page's own origin", async ({ page }) => {
  await page.evaluate(() => {
    document.cookie = "session=secret-of-the-reader; path=/";
  });
  // The feed itself on the page's own origin, and a next page there.
  const own = await add(page, "own", { src: "/echo-cookie", lang: "vi" });
  await expect(own.locator("[part=headline]")).toHaveText("cookie: none");
  const bad = await oneBadWidget(page, hostile("next-to-page", { layout: "list" }), async (bad) => {
    await bad.locator("button[part=more]").click();
    await expect(bad.locator("li")).toHaveCount(2);
  });
  await expect(bad.locator("li h2")).toHaveText(["Trang một", "cookie: none"]);
});

test("a tracking pixel in a body is not requested", async ({ page }) => {
  const pixels = [];
  page.on("request", (request) => {
    if (request.url().includes("pixel.gif")) pixels.push(request.url());
  });
  const bad = await oneBadWidget(page, hostile("tracking-pixel", { layout: "article" }));
  await expect(bad.locator("[part=body]")).toHaveText("Bài.");
  expect(await bad.locator("img").count()).toBe(0);
  expect(pixels).toEqual([]);
});

test("a link a feed writes with quotes and brackets reaches the page and the events encoded", async ({ page }) => {
  const details = [];
  await page.exposeFunction("readyDetail", (detail) => details.push(detail));
  await page.evaluate(() =>
    document.addEventListener("article-widget:ready", (e) => {
      if (e.target.id === "bad") window.readyDetail(e.detail);
    }),
  );
  const bad = await oneBadWidget(page, hostile("raw-url", { layout: "list" }));
  const href = await bad.locator("li a").first().getAttribute("href");
  expect(href).toBe("https://news.example/a%22onmouseover=%22alert(1)%22%3Cx%3E");
  expect(details.at(-1).items[0].url).toBe(href);
});

test("a headline made from the body says only what the body shows", async ({ page }) => {
  const bad = await oneBadWidget(page, hostile("hidden-headline", { layout: "article" }));
  await expect(bad.locator("[part=headline]")).toHaveText("Tin thật");
  await expect(bad.locator("[part=body]")).toHaveText("Tin thật");
});

test("a cached copy from the future is not trusted, and a failing refresh cannot stop other widgets", async ({ page }) => {
  const src = `${FAULT}/always-500?t=${unique("future")}`;
  await page.evaluate((src) => {
    const feed = JSON.stringify({ version: "https://jsonfeed.org/version/1.1", items: [{ id: "c", title: "Từ tương lai" }] });
    localStorage.setItem("article-widget:1:index", `99999999999999999 ${feed.length} ${src}`);
    localStorage.setItem(`article-widget:1:${src}`, `"v1"\n\n${feed}`);
  }, src);
  const bad = await oneBadWidget(page, { src, lang: "vi" });
  await expect(bad).toHaveAttribute("data-state", "error");
  await expect(bad.locator("[role=alert]")).toBeVisible();
});

test("a cached ETag that is no header value is dropped, not sent", async ({ page }) => {
  const t = unique("bad-etag");
  const src = `${FAULT}/etag?t=${t}`;
  await page.evaluate((src) => {
    const feed = JSON.stringify({ version: "https://jsonfeed.org/version/1.1", items: [{ id: "c", title: "Bản lưu" }] });
    localStorage.setItem("article-widget:1:index", `${Date.now() - 1000} ${feed.length} ${src}`);
    localStorage.setItem(`article-widget:1:${src}`, `"caf\u00e9\u20ac"\n\n${feed}`);
  }, src);
  const bad = await oneBadWidget(page, { src, lang: "vi" });
  await expect(bad).toHaveAttribute("data-state", "ready");
  await expect(bad.locator("li")).toHaveCount(3);
});

test("a refresh interval too long for the browser's timers is capped, not turned into a busy loop", async ({ page }) => {
  const t = unique("long-refresh");
  await oneBadWidget(page, { src: `${FAULT}/feed?items=3&t=${t}`, refresh: "3000000", lang: "vi" });
  await page.waitForTimeout(1_000);
  const log = await (await fetch(`${FAULT}/_log?t=${t}`)).json();
  expect(log.filter((a) => a.method === "GET")).toHaveLength(1);
});

test("a blank src fetches nothing, not the host page itself", async ({ page }) => {
  const bad = await oneBadWidget(page, { src: "  ", lang: "en" });
  await expect(bad).toHaveAttribute("data-state", "error");
  const pageFetches = await page.evaluate(() =>
    performance.getEntriesByType("resource").filter((e) => e.name === location.href).length,
  );
  expect(pageFetches).toBe(0);
});
