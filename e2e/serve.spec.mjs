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

test("an upstream failure reaches the widget as the service's problem status", async ({ page }) => {
  const w = await addWidget(page, "w", through(`/html?t=${unique("serve-html")}`));
  await expect(w).toHaveAttribute("data-state", "error");
  expect(await events(page, "w")).toMatchObject([{ type: "article-widget:error", kind: "http", status: 422 }]);
});
