// RSS 2.0 and Atom: the seed article reads exactly as its JSON Feed copy
// does, and XML that is not a feed is a visible format error.
import { test, expect } from "@playwright/test";

/** What a reader sees of an article widget. */
async function seen(widget) {
  const time = widget.locator("time").first();
  const figure = widget.locator("figure").first();
  return {
    headline: await widget.locator("h2").textContent(),
    datetime: await time.getAttribute("datetime"),
    dateline: await time.textContent(),
    caption: await figure.locator("figcaption").textContent(),
    alt: await figure.locator("img").getAttribute("alt"),
    image: await figure.locator("img").getAttribute("src"),
    byline: await widget.locator("[part=byline]").textContent(),
    section: await widget.locator(".aw-section").textContent(),
    paragraphs: await widget.locator("[part=body] p").allTextContents(),
  };
}

test("an RSS 2.0 and an Atom feed of the seed article render as the JSON Feed one does", async ({ page }) => {
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("/e2e/feeds.html");
  for (const id of ["json", "rss", "atom"]) {
    await expect(page.locator(`#${id}`)).toHaveAttribute("data-state", "ready");
  }
  const json = await seen(page.locator("#json"));
  expect(json.headline).toBe(
    "Lạng Sơn: Bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các luận điệu sai trái, thù địch trong tình hình mới",
  );
  expect(json.dateline).toContain("Thứ Sáu, 25/06/2021, 11:15 GMT+7");
  expect(json.caption).toContain("Các đại biểu dự Hội nghị");
  expect(json.byline).toContain("P.V");
  expect(json.paragraphs).toHaveLength(5);
  expect(json.paragraphs[0]).toMatch(/^Ngày 23\/6, Ban Chỉ đạo/);
  for (const id of ["rss", "atom"]) {
    expect(await seen(page.locator(`#${id}`)), id).toEqual(json);
  }
  expect(errors).toEqual([]);
});

test("malformed XML, billion laughs and an HTML page as text/xml are visible format errors", async ({ page }) => {
  const kinds = [];
  await page.exposeFunction("reportKind", (id, kind) => kinds.push(`${id}:${kind}`));
  await page.addInitScript(() => {
    document.addEventListener("article-widget:error", (event) =>
      window.reportKind(event.target.id, event.detail.kind),
    );
  });
  await page.goto("/e2e/xml-errors.html");
  const expected = {
    malformed: /not valid XML: .*line 6/,
    laughs: /declares XML entities that the widget does not expand: entities within entities/,
    "html-as-xml": /returned a web page \(HTML\), not a feed/,
  };
  for (const [id, message] of Object.entries(expected)) {
    const widget = page.locator(`#${id}`);
    await expect(widget).toHaveAttribute("data-state", "error");
    const alert = widget.locator("[role=alert]");
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(message);
    await expect(alert.locator("button")).toBeVisible();
  }
  await expect.poll(() => kinds.sort()).toEqual(["html-as-xml:format", "laughs:format", "malformed:format"]);
  await expect(page.locator("#ok")).toHaveAttribute("data-state", "ready");
  await expect(page.locator("#ok li")).toHaveCount(1);
  await expect(page.locator("#ok-json li")).toHaveCount(2);
  await expect(page.locator("#host-still-works")).toBeVisible();
});
