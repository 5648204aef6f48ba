// What a reader sees when a partner page embeds the release build.
import { test, expect } from "@playwright/test";
import { mkdirSync } from "node:fs";

const SHOTS = new URL("../screenshots/", import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

test("the seed article renders as a Vietnamese reader expects", async ({ page }) => {
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("/e2e/seed.html");
  const widget = page.locator("#seed");
  await expect(widget).toHaveAttribute("data-state", "ready");

  // Playwright's CSS locators pierce the open shadow root.
  const headline = widget.locator("h2");
  await expect(headline).toHaveText(
    "Lạng Sơn: Bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các luận điệu sai trái, thù địch trong tình hình mới",
  );

  const time = widget.locator("time").first();
  const datetime = await time.getAttribute("datetime");
  expect(Date.parse(datetime)).toBe(Date.parse("2021-06-25T11:15:00+07:00"));
  await expect(time).toContainText("11:15");
  await expect(time).toContainText("25/06/2021");
  await expect(time).toContainText("Thứ Sáu");
  await expect(time).toContainText("GMT+7");

  const figure = widget.locator("figure");
  await expect(figure.locator("figcaption")).toContainText("Các đại biểu dự Hội nghị");
  await expect(figure.locator("img")).toHaveAttribute("alt", "Các đại biểu dự Hội nghị");

  const paragraphs = widget.locator("[part=body] p");
  expect(await paragraphs.count()).toBeGreaterThanOrEqual(4);
  await expect(paragraphs.first()).toHaveText(/^Ngày 23\/6, Ban Chỉ đạo/);
  for (const text of await paragraphs.allTextContents()) {
    expect(text).not.toMatch(/^\s|\u00a0/);
  }

  await expect(widget.locator("[part=byline]")).toContainText("P.V");

  // The long headline wraps inside the widget rather than overflowing it.
  const box = await headline.boundingBox();
  const host = await widget.boundingBox();
  expect(box.width).toBeLessThanOrEqual(host.width);
  expect(box.height).toBeGreaterThan(40);

  await widget.screenshot({ path: `${SHOTS}seed-article.png` });
  expect(errors).toEqual([]);
});

test("feeds that fail show a visible error and leave the page and other widgets working", async ({ page }) => {
  await page.goto("/e2e/errors.html");

  const missing = page.locator("#missing-file");
  await expect(missing).toHaveAttribute("data-state", "error");
  const alert = missing.locator("[role=alert]");
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("404");
  await expect(alert.locator("button")).toBeVisible();

  const noSrc = page.locator("#no-src");
  await expect(noSrc).toHaveAttribute("data-state", "error");
  await expect(noSrc.locator("[role=alert]")).toContainText("src");

  const notAFeed = page.locator("#not-a-feed");
  await expect(notAFeed).toHaveAttribute("data-state", "error");
  await expect(notAFeed.locator("[role=alert]")).toContainText("an object with keys `hello`, `data`");

  const ok = page.locator("#ok");
  await expect(ok).toHaveAttribute("data-state", "ready");
  await expect(ok.locator("li")).toHaveCount(2);
  await expect(page.locator("#host-still-works")).toBeVisible();

  await page.screenshot({ path: `${SHOTS}errors.png`, fullPage: true });
});

test("the error event says what kind of failure it was", async ({ page }) => {
  await page.goto("/e2e/seed.html");
  const detail = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const el = document.createElement("article-widget");
        el.addEventListener("article-widget:error", (e) => resolve(e.detail));
        el.setAttribute("src", "/fixtures/no-such-feed.json");
        document.body.append(el);
      }),
  );
  expect(detail).toMatchObject({ kind: "http", status: 404 });
  expect(detail.message).toContain("404");
});

test("an inline data island renders without any network request for data", async ({ page }) => {
  const feeds = [];
  page.on("request", (r) => {
    if (r.url().endsWith(".json")) feeds.push(r.url());
  });
  await page.goto("/e2e/island.html");
  const widget = page.locator("#island");
  await expect(widget).toHaveAttribute("data-state", "ready");
  await expect(widget.locator("h2")).toHaveText("Tin từ dữ liệu nội tuyến");
  await expect(widget.locator("[part=body] p")).toHaveText(["Đoạn một.", "Đoạn hai."]);
  expect(feeds).toEqual([]);
});

// The preview page itself is tested as `make serve` serves it, with the feed
// service beside it: e2e/preview.spec.mjs.

test("the feed of a widget already in the page is fetched once, while the wasm still loads", async ({ page }) => {
  const events = [];
  page.on("request", (r) => r.url().endsWith("/sample/feed.json") && events.push("feed requested"));
  page.on("response", (r) => r.url().endsWith(".wasm") && events.push("wasm arrived"));
  // Hold the .wasm back, as a slow network would.
  await page.route("**/*.wasm", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await route.continue();
  });
  await page.goto("/e2e/seed.html");
  await expect(page.locator("#seed")).toHaveAttribute("data-state", "ready");
  expect(events).toEqual(["feed requested", "wasm arrived"]);
});
