// The feed service (`article-widget serve`, started by playwright.config.mjs
// on its own origin) in front of the fault server: a widget on a page of a
// third origin reads, through the service, a feed that sends no CORS headers.
import { test, expect } from "@playwright/test";

const FAULT = "http://127.0.0.1:4180";
const SERVICE = "http://127.0.0.1:4182";

let counter = 0;
const unique = (name) => `${name}-${Date.now()}-${counter++}`;
const through = (route) => `${SERVICE}/v1/feed?src=${encodeURIComponent(FAULT + route)}`;

async function addWidget(page, id, src) {
  await page.evaluate(
    ([id, src]) => {
      window.events ??= [];
      const el = document.createElement("article-widget");
      el.id = id;
      el.setAttribute("src", src);
      el.setAttribute("layout", "list");
      for (const type of ["article-widget:ready", "article-widget:error"]) {
        el.addEventListener(type, (e) => window.events.push({ id, type, kind: e.detail.kind, status: e.detail.status }));
      }
      document.body.append(el);
    },
    [id, src],
  );
  return page.locator(`#${id}`);
}

const events = (page, id) => page.evaluate((id) => (window.events ?? []).filter((e) => e.id === id), id);

test.beforeEach(async ({ page }) => {
  await page.goto("/e2e/blank.html");
});

test("a feed without CORS is read through the service", async ({ page }) => {
  const t = unique("serve-cors");
  // Directly, the browser refuses it...
  const direct = await addWidget(page, "direct", `${FAULT}/cors-refused?t=${t}-direct`);
  await expect(direct).toHaveAttribute("data-state", "error");
  // ...through the service, the same feed shows its articles.
  const w = await addWidget(page, "w", through(`/cors-refused?title=Qua&t=${t}`));
  await expect(w).toHaveAttribute("data-state", "ready");
  await expect(w.locator("[part=headline]").first()).toHaveText("Qua cors1");
  await expect(w.locator("[part=headline]")).toHaveCount(3);
  expect(await events(page, "w")).toMatchObject([{ type: "article-widget:ready" }]);
});

// The service answers failures as RFC 9457 problems that name the widget's
// error kind (README, "Problems"); the widget reports that kind, with the
// service's status, and says it in the reader's words.
for (const [route, kind, status, words, requests] of [
  ["/hang", "timeout", 504, "took too long to answer", 1],
  ["/huge", "too-large", 502, "too large to show", 1],
  ["/html", "format", 422, "not an article feed", 1],
  ["/truncated", "network", 502, "could not be reached", 3],
  ["/404", "http", 502, "answered with error 502", 3],
]) {
  test(`an upstream ${route.slice(1)} reaches the widget as kind ${kind}, status ${status}`, async ({ page }) => {
    const t = unique(`serve-problem-${route.slice(1)}`);
    const w = await addWidget(page, "w", through(`${route}?t=${t}`));
    await expect(w).toHaveAttribute("data-state", "error", { timeout: 15_000 });
    expect(await events(page, "w")).toMatchObject([{ type: "article-widget:error", kind, status }]);
    await expect(w.locator("[role=alert]")).toContainText(words);
    // A problem a retry cannot fix is not asked again (the service would
    // answer the same from its cache anyway); an unreachable or failing upstream is.
    const log = await (await fetch(`${FAULT}/_log?t=${t}`)).json();
    expect(log.length).toBeLessThanOrEqual(requests);
  });
}

test("a refused origin reaches the widget as kind network, status 403, without retries", async ({ page }) => {
  const requests = [];
  page.on("request", (r) => r.url().startsWith(SERVICE) && requests.push(r.url()));
  const w = await addWidget(page, "w", `${SERVICE}/v1/feed?src=${encodeURIComponent("http://news.example/feed.xml")}`);
  await expect(w).toHaveAttribute("data-state", "error");
  expect(await events(page, "w")).toMatchObject([{ type: "article-widget:error", kind: "network", status: 403 }]);
  expect(requests).toHaveLength(1);
});
