// The npm package inside partner apps: a React 19 app and a Vue 3 app, each
// built by Vite from e2e/hosts against dist/npm (tools/hosts.sh), served as
// static files. Each app renders the widget from state, changes its
// attributes, listens to its events through the framework's own binding,
// moves it and unmounts it.
import { test, expect } from "@playwright/test";

const TWO = "ready lang-son-ban-chi-dao-35-so-ket-2021 lang-son-hoi-cho-bien-gioi";
const THREE = `${TWO} lang-son-mua-na`;

/** Live instances of the element class after a full garbage collection. */
async function liveWidgets(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.enable");
  await cdp.send("HeapProfiler.collectGarbage");
  const { result: proto } = await cdp.send("Runtime.evaluate", {
    expression: "customElements.get('article-widget').prototype",
  });
  const { objects } = await cdp.send("Runtime.queryObjects", { prototypeObjectId: proto.objectId });
  const { result } = await cdp.send("Runtime.callFunctionOn", {
    objectId: objects.objectId,
    functionDeclaration: "function () { return this.length; }",
    returnByValue: true,
  });
  await cdp.detach();
  return result.value;
}

for (const host of ["react", "vue"]) {
  test(`${host} host: state, attributes, events, move and unmount`, async ({ page }) => {
    const errors = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(String(e)));
    const feeds = [];
    page.on("request", (r) => {
      const path = new URL(r.url()).pathname;
      if (path === "/slow" || path.endsWith(".json")) feeds.push(path);
    });

    await page.goto(`/hosts/${host}/`, { waitUntil: "commit" });
    const widget = page.locator("article-widget#widget");
    const log = page.locator("#log li");
    // The first feed answers after 1.5 s: the reader sees the loading state first.
    await expect(widget).toHaveAttribute("data-state", "loading");
    await expect(widget).toHaveAttribute("data-state", "ready");
    await expect(widget.locator("li")).toHaveCount(2);
    await expect(widget.locator("li h2").first()).toContainText("Lạng Sơn: Bảo vệ");
    await expect(log).toHaveText([TWO]);

    // Attributes from state: a re-render, never a new request.
    await page.click("#more");
    await expect(widget.locator("li")).toHaveCount(3);
    await expect(log).toHaveText([TWO, THREE]);
    await page.click("#cards");
    await expect(widget.locator("li[part~=item]")).toHaveCount(3);
    await expect(widget).toHaveAttribute("layout", "cards");
    expect(feeds).toEqual(["/slow"]);

    // `refresh` is an attribute and a method: the framework's prop sets the
    // attribute and leaves the method in place.
    await page.click("#auto-refresh");
    await expect(widget).toHaveAttribute("refresh", "60");
    expect(await widget.evaluate((el) => typeof el.refresh)).toBe("function");

    // A new src: one request, a new ready event.
    await page.click("#next-src");
    await expect.poll(() => feeds).toEqual(["/slow", "/fixtures/seed-feed.json"]);
    await expect(log).toHaveText([TWO, THREE, THREE]);

    // The open event through the framework's binding; the app cancels it.
    const before = page.url();
    await widget.locator("li a").first().click();
    await expect(log.nth(3)).toHaveText("open lang-son-ban-chi-dao-35-so-ket-2021");
    expect(page.url()).toBe(before);

    // Moved by the framework: the same element, still showing its articles, no request.
    await widget.evaluate((el) => { el.dataset.mark = "before-move"; });
    const parentBefore = await widget.evaluate((el) => [el.parentElement.id, [...el.parentElement.children].indexOf(el)]);
    await page.click("#move");
    await expect
      .poll(() => widget.evaluate((el) => [el.parentElement.id, [...el.parentElement.children].indexOf(el)]))
      .not.toEqual(parentBefore);
    await expect(widget).toHaveAttribute("data-mark", "before-move");
    await expect(widget).toHaveAttribute("data-state", "ready");
    await expect(widget.locator("li")).toHaveCount(3);
    expect(feeds).toEqual(["/slow", "/fixtures/seed-feed.json"]);

    // A feed that is not there: the error state and the error event.
    await page.click("#next-src");
    await expect(widget).toHaveAttribute("data-state", "error");
    await expect(widget.locator("[role=alert]")).toBeVisible();
    await expect(log).toHaveText([TWO, THREE, THREE, "open lang-son-ban-chi-dao-35-so-ket-2021", "error http 404"]);
    expect(feeds).toEqual(["/slow", "/fixtures/seed-feed.json", "/fixtures/missing.json"]);

    // Unmounted by the framework: gone from the page and from memory.
    await page.click("#toggle");
    await expect(page.locator("article-widget")).toHaveCount(0);
    await expect.poll(() => liveWidgets(page)).toBe(0);
    expect(feeds).toHaveLength(3);
    // The 404 is the browser's own network line, not the app's.
    expect(errors.filter((e) => !/404 \(Not Found\)/.test(e))).toEqual([]);
  });
}
