// A page that adds and removes widgets for hours must stay flat: removed
// widgets leave no listeners and no nodes behind (their Yew apps are reused,
// src/element.rs). Counts from the DevTools protocol after forced garbage
// collection, not times.
import { test, expect } from "@playwright/test";

test("mount/unmount cycles retain no listeners and no DOM nodes", async ({ page }) => {
  await page.goto("/e2e/blank.html");
  await page.waitForFunction(() => customElements.get("article-widget"));
  const feed = JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    items: [{ id: "a", title: "Tin một", content_text: "Bài." }, { id: "b", title: "Tin hai" }],
  });
  const cycle = (n) =>
    page.evaluate(
      async ([n, feed]) => {
        for (let i = 0; i < n; i++) {
          const el = document.createElement("article-widget");
          el.setAttribute("layout", i % 2 ? "list" : "article");
          const island = document.createElement("script");
          island.type = "application/json";
          island.textContent = feed;
          el.append(island);
          const ready = new Promise((r) => el.addEventListener("article-widget:ready", r, { once: true }));
          document.body.append(el);
          await ready;
          el.remove();
          await new Promise((r) => setTimeout(r, 0));
        }
      },
      [n, feed],
    );
  const cdp = await page.context().newCDPSession(page);
  const counters = async () => {
    for (let i = 0; i < 3; i++) await cdp.send("HeapProfiler.collectGarbage");
    return cdp.send("Memory.getDOMCounters");
  };
  await cycle(20);
  const before = await counters();
  await cycle(200);
  const after = await counters();
  expect(after.jsEventListeners, "listeners").toBeLessThanOrEqual(before.jsEventListeners);
  expect(after.nodes, "DOM nodes").toBeLessThanOrEqual(before.nodes);
  // And a widget added after all that works as the first one did.
  await page.evaluate((feed) => {
    const el = document.createElement("article-widget");
    el.id = "last";
    el.setAttribute("layout", "list");
    el.innerHTML = `<script type="application/json">${feed}</script>`;
    document.body.append(el);
  }, feed);
  const last = page.locator("#last");
  await expect(last).toHaveAttribute("data-state", "ready");
  await expect(last.locator("li h2")).toHaveText(["Tin một", "Tin hai"]);
});
