// The reader's experience: every layout in both themes passes axe-core, and a
// screenshot of each layout × theme × width lands in screenshots/ for review.
import { test, expect } from "@playwright/test";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
const SHOTS = new URL("../screenshots/", import.meta.url).pathname;

const layouts = ["article", "list", "cards"];
const themes = ["light", "dark"];
const widths = [320, 768, 1200];

/** Waits for the widget and for every image in it. */
async function settled(page) {
  const widget = page.locator("#w");
  await expect(widget).toHaveAttribute("data-state", "ready");
  await expect
    .poll(() => widget.evaluate((el) => [...el.shadowRoot.querySelectorAll("img")].every((i) => i.complete)))
    .toBe(true);
  return widget;
}

for (const layout of layouts) {
  for (const theme of themes) {
    test(`axe finds no violations: ${layout}, ${theme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(`/e2e/matrix.html?layout=${layout}&theme=${theme}&lang=vi`);
      await settled(page);
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(async () => {
        const r = await axe.run(document, { resultTypes: ["violations"] });
        return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ")) }));
      });
      expect(result).toEqual([]);
    });

    for (const width of widths) {
      test(`screenshot: ${layout}, ${theme}, ${width}px`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`/e2e/matrix.html?layout=${layout}&theme=${theme}&lang=${width === 768 ? "en" : "vi"}`);
        const widget = await settled(page);
        // Nothing overflows the slot sideways, at any width.
        const overflow = await widget.evaluate((el) => {
          const root = el.shadowRoot.querySelector(".aw");
          return root.scrollWidth - root.clientWidth;
        });
        expect(overflow).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `${SHOTS}${layout}-${theme}-${width}.png`, fullPage: true });
      });
    }
  }
}

test("loading and error states in both themes", async ({ page }) => {
  for (const theme of themes) {
    await page.setViewportSize({ width: 768, height: 600 });
    await page.goto(`/e2e/matrix.html?theme=${theme}&lang=vi&src=/slow?ms=4000`);
    await expect(page.locator("#w")).toHaveAttribute("data-state", "loading");
    await expect(page.locator("#w [aria-busy=true]")).toBeVisible();
    await page.screenshot({ path: `${SHOTS}loading-${theme}.png` });
    await page.goto(`/e2e/matrix.html?theme=${theme}&lang=vi&src=/fixtures/missing.json`);
    await expect(page.locator("#w")).toHaveAttribute("data-state", "error");
    await expect(page.locator("#w [role=alert]")).toContainText("Máy chủ nguồn tin báo lỗi 404.");
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => (await axe.run(document)).violations.map((v) => v.id));
    expect(violations).toEqual([]);
    await page.screenshot({ path: `${SHOTS}error-${theme}.png` });
  }
});

test("images that fail to load collapse; their captions stay", async ({ page }) => {
  await page.goto("/e2e/matrix.html?layout=article&theme=light&lang=en&item=broken-1&src=/fixtures/broken-images.json");
  const widget = page.locator("#w");
  await expect(widget).toHaveAttribute("data-state", "ready");
  // Every image that fails collapses the same way: hidden, its caption kept.
  await expect(widget.locator("[part=figure] img")).toBeHidden();
  await expect(widget.locator("[part=caption]")).toHaveText("The lead caption stays");
  await expect(widget.locator("[part=body] figure img")).toBeHidden();
  await expect(widget.locator("[part=body] figcaption")).toBeVisible();
  await expect(widget.locator("[part=body] figcaption")).toHaveText("The caption stays");

  await page.goto("/e2e/matrix.html?layout=list&theme=light&lang=en&src=/fixtures/broken-images.json");
  await expect(widget).toHaveAttribute("data-state", "ready");
  const thumbs = widget.locator("li img");
  await expect(thumbs).toHaveCount(2);
  for (const thumb of await thumbs.all()) await expect(thumb).toBeHidden();
  await page.screenshot({ path: `${SHOTS}broken-images-list.png` });
});
