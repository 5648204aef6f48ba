// The versioned CDN files with Subresource Integrity, loaded exactly as the
// README's snippet says, under the strict Content-Security-Policy.
import { readFileSync } from "node:fs";
import { test, expect } from "@playwright/test";

const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const SNIPPET = README.match(/<script type="module" src="https:\/\/cdn\.example\/article-widget\/v[^"]+"\s+integrity="[^"]+" crossorigin="anonymous"><\/script>/)[0];

/** A host page with this script tag, served from the page origin with the strict policy. */
async function hostPage(page, script) {
  // The policy the test server sends with its *.csp.html pages.
  const policy = (await page.request.get("/e2e/contract.csp.html")).headers()["content-security-policy"];
  expect(policy).toContain("default-src 'none'");
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.route("**/e2e/release.csp.html", (route) =>
    route.fulfill({
      status: 200,
      headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": policy },
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>release</title>
${script.replace("https://cdn.example/article-widget/", "/")}
</head><body><article-widget id="w" src="/sample/feed.json" layout="list" limit="2"></article-widget></body></html>`,
    }));
  await page.goto("/e2e/release.csp.html");
  return errors;
}

test("README's integrity snippet loads the versioned release under a strict CSP", async ({ page }) => {
  const loaded = [];
  page.on("response", (r) => loaded.push(new URL(r.url()).pathname));
  const errors = await hostPage(page, SNIPPET);
  const w = page.locator("article-widget#w");
  await expect(w).toHaveAttribute("data-state", "ready");
  await expect(w.locator("li")).toHaveCount(2);
  const styled = await w.evaluate((el) => el.shadowRoot.adoptedStyleSheets.length);
  expect(styled).toBeGreaterThan(0);
  expect(loaded.filter((p) => /article-widget/.test(p)).every((p) => p.startsWith("/v"))).toBe(true);
  expect(errors).toEqual([]);
});

test("a tampered integrity hash keeps the release from running", async ({ page }) => {
  const tampered = SNIPPET.replace(/integrity="sha384-./, (m) => m.slice(0, -1) + (m.endsWith("A") ? "B" : "A"));
  const errors = await hostPage(page, tampered);
  await expect.poll(() => errors.some((e) => /integrity/i.test(e))).toBe(true);
  expect(await page.evaluate(() => customElements.get("article-widget"))).toBeUndefined();
});
