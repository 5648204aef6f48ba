// The preview page (dist/index.html) as `make serve` serves it: the page and
// its sample feeds at http://127.0.0.1:8080/, the feed service at
// http://127.0.0.1:8090/ allowed to read that origin. Trunk is not needed: the
// e2e server serves dist/ at the same paths, and the service is started with
// the Makefile's flags. These are `make serve`'s own ports, fixed because the
// page names the service's address; stop `make serve` while this runs.
import { test, expect } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SHOTS = `${ROOT}screenshots/`;
mkdirSync(SHOTS, { recursive: true });

const PAGE = "http://127.0.0.1:8080";
const SERVICE = "http://127.0.0.1:8090";
const SEED_HEADLINE =
  "Lạng Sơn: Bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các luận điệu sai trái, thù địch trong tình hình mới";

const children = [];

/** Starts a process that runs until the tests end. */
function start(command, args, env = {}) {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  child.exited = new Promise((resolve) => child.on("exit", (code) => resolve(`${command} exited (${code}): ${stderr}`)));
  children.push(child);
  return child;
}

/** Resolves when `url` answers 200; fails if `child` exits first. */
async function ready(url, child) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const exited = await Promise.race([child.exited, new Promise((r) => setTimeout(() => r(null), 100))]);
    if (exited) throw new Error(`${exited}\n(is \`make serve\` running? it holds the same ports)`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
  }
  throw new Error(`${url} did not come up`);
}

test.beforeAll(async () => {
  const page = start("node", ["e2e/server.mjs"], { PORT: "8080", CDN_PORT: "0" });
  // The Makefile's `serve` target starts the service with these flags.
  const service = start("target/debug/article-widget", [
    "serve",
    "--listen", "127.0.0.1:8090",
    "--allow", PAGE,
    "--allow-loopback",
    "--max-age", "5",
  ]);
  await Promise.all([ready(`${PAGE}/article-widget.js`, page), ready(`${SERVICE}/healthz`, service)]);
});

test.afterAll(() => {
  for (const child of children) child.kill();
});

test("every widget of the preview page shows its articles, one of them through the feed service", async ({ page }) => {
  const throughService = [];
  page.on("request", (r) => r.url().startsWith(`${SERVICE}/`) && throughService.push(r.url()));
  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.goto(`${PAGE}/`);
  const widgets = page.locator("article-widget");
  // Ten client-rendered widgets (one on sample/rss.xml, one on the same file
  // through the service) and one pre-rendered by `article-widget render`.
  await expect(widgets).toHaveCount(11);
  for (const widget of await widgets.all()) {
    await expect(widget).toHaveAttribute("data-state", "ready");
  }

  // The service's widget reads the RSS sample on another origin, as JSON Feed.
  const section = page.locator("#service");
  const widget = section.locator("article-widget");
  await expect(widget.locator("[part=headline]")).toHaveText([SEED_HEADLINE]);
  await expect(widget.locator("time").first()).toContainText("GMT+7");
  expect(throughService).toEqual([`${SERVICE}/v1/feed?src=${encodeURIComponent(`${PAGE}/sample/rss.xml`)}`]);
  const answer = await page.request.get(throughService[0]);
  expect(answer.headers()["content-type"]).toMatch(/^application\/feed\+json/);
  expect(answer.headers()["access-control-allow-origin"]).toBe("*");

  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: `${SHOTS}preview-service.png` });
  await page.screenshot({ path: `${SHOTS}preview.png`, fullPage: true });
});
