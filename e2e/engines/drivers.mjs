// One small page API over three engines, so that each end-to-end check is
// written once (e2e/engines/core.test.mjs):
//
//   chromium  Debian's chromium, driven by puppeteer-core over CDP
//   firefox   Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi
//   webkit    WebKitGTK's MiniBrowser, through WebKitWebDriver (classic
//             WebDriver, plain fetch) on a private Xvfb display
//
// A page offers: goto(path), run(fn, ...args) (fn runs in the page, with the
// helpers of PRELUDE in scope; its result comes back as JSON), until(fn, ...)
// (polls fn in the page until it returns something truthy), viewport(w, h),
// shot(file, selector?) (a PNG of the viewport or of one element), errors()
// (uncaught page errors, where the protocol reports them) and close().
// Everything started here (browser, driver, Xvfb) is stopped by process id in
// close(), and by stopAll() on any exit.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { writeFileSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";

/** Processes started here, stopped by pid on close or exit. */
const children = new Set();

/** Stops every process this module started (SIGTERM, by pid). */
export function stopAll() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  }
  children.clear();
}
process.on("exit", stopAll);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

function start(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"], ...options });
  children.add(child);
  child.on("exit", () => children.delete(child));
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  child.lastErrors = () => stderr;
  return child;
}

async function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
  await exited;
  clearTimeout(timer);
}

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a process and waits until `url` answers (any status). */
export async function serve(command, args, url, options = {}) {
  const child = start(command, args, options);
  const deadline = Date.now() + (options.timeout ?? 20_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command} exited: ${child.lastErrors()}`);
    try {
      await fetch(url);
      return child;
    } catch {
      if (Date.now() > deadline) throw new Error(`${command} did not answer on ${url}: ${child.lastErrors()}`);
      await delay(50);
    }
  }
}

/**
 * Helpers in scope for every function run in a page. `$(id)` is the shadow
 * root of the widget with that id; `q`/`qa` query inside it; `state(id)` is
 * its data-state; `shown(node)` says whether a reader can see it.
 */
const PRELUDE = `
  const $ = (id) => document.getElementById(id)?.shadowRoot ?? null;
  const q = (id, sel) => $(id)?.querySelector(sel) ?? null;
  const qa = (id, sel) => [...($(id)?.querySelectorAll(sel) ?? [])];
  const state = (id) => document.getElementById(id)?.getAttribute("data-state") ?? null;
  const text = (node) => (node?.textContent ?? "").replace(/\\s+/g, " ").trim();
  const shown = (node) => { if (!node) return false; const r = node.getBoundingClientRect();
    const s = getComputedStyle(node); return r.width > 0 && r.height > 0 && s.visibility !== "hidden"; };
  const imagesLoaded = (id) => qa(id, "img").every((i) => i.complete);
`;

/** The page-side expression that calls `fn(...args)` with the prelude in scope. */
function expression(fn, args) {
  return `(async () => { ${PRELUDE}; return await (${fn})(...${JSON.stringify(args)}); })()`;
}

/** The same, polled every 25 ms until it returns something truthy. */
function pollExpression(fn, args, timeout, what) {
  return `(async () => { ${PRELUDE};
    const f = ${fn}; const args = ${JSON.stringify(args)}; const end = performance.now() + ${timeout};
    let last;
    for (;;) {
      try { last = await f(...args); if (last) return last; } catch (e) { last = String(e); }
      if (performance.now() > end) throw new Error(${JSON.stringify(`timed out after ${timeout} ms waiting for `)} + ${JSON.stringify(what)} + "; last: " + JSON.stringify(last));
      await new Promise((r) => setTimeout(r, 25));
    }
  })()`;
}

/** Adds until() and shot-to-file on top of an engine's run/evalExpression. */
function page(base) {
  return {
    ...base,
    run: (fn, ...args) => base.evaluate(expression(fn, args)),
    until: (fn, args = [], { timeout = 10_000, what = fn.toString() } = {}) =>
      base.evaluate(pollExpression(fn, args, timeout, what), timeout + 5_000),
    async shot(file, selector) {
      // Loaded images may still be decoding (WebKit paints them a frame or
      // more later): wait for their decode and two frames, then capture.
      await base.evaluate(`(async () => {
        const roots = [document, ...[...document.querySelectorAll("*")].map((e) => e.shadowRoot).filter(Boolean)];
        const images = roots.flatMap((r) => [...r.querySelectorAll("img")]).filter((i) => i.complete && i.naturalWidth);
        await Promise.all(images.map((i) => i.decode().catch(() => {})));
        for (let n = 0; n < 2; n++) await new Promise((r) => requestAnimationFrame(r));
      })()`);
      const png = await base.png(selector);
      if (file) writeFileSync(file, png);
      return png;
    },
  };
}

// ---------------------------------------------------------------- puppeteer

async function puppeteerPage(engine, baseURL) {
  const { default: puppeteer } = await import("puppeteer-core");
  const chromium = engine === "chromium";
  const browser = await puppeteer.launch(
    chromium
      ? {
          browser: "chrome",
          executablePath: process.env.CHROME_BIN || "/usr/bin/chromium",
          headless: true,
          args: [
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-quic", "--no-first-run",
            "--hide-scrollbars",
          ],
        }
      : {
          browser: "firefox",
          executablePath: process.env.FIREFOX_BIN || "/usr/bin/firefox-esr",
          headless: true,
          args: ["--no-remote"],
          extraPrefsFirefox: { "layout.css.devPixelsPerPx": "1.0", "ui.useOverlayScrollbars": 1 },
        },
  );
  const pid = browser.process()?.pid;
  const [tab] = await browser.pages();
  const p = tab ?? (await browser.newPage());
  const errors = [];
  p.on("pageerror", (e) => errors.push(String(e?.message ?? e)));
  return page({
    engine,
    version: await browser.version(),
    pid,
    async goto(path) {
      errors.length = 0;
      await p.goto(new URL(path, baseURL).href, { waitUntil: "load" });
    },
    evaluate: (source) => p.evaluate(source),
    async viewport(width, height) {
      await p.setViewport({ width, height, deviceScaleFactor: 1 });
    },
    async png(selector) {
      if (!selector) return Buffer.from(await p.screenshot({ type: "png" }));
      const handle = await p.$(selector);
      if (!handle) throw new Error(`no element ${selector} to screenshot`);
      return Buffer.from(await handle.screenshot({ type: "png" }));
    },
    errors: () => [...errors],
    reportsErrors: true,
    async close() {
      await browser.close().catch(() => {});
      if (pid) try { process.kill(pid, 0) && process.kill(pid, "SIGKILL"); } catch { /* gone */ }
    },
  });
}

// ------------------------------------------------------------------- webkit

const MINIBROWSER = process.env.MINIBROWSER_BIN || "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/** Starts Xvfb on a display number it picks itself (-displayfd), so runs never collide. */
async function xvfb() {
  const child = start("Xvfb", ["-displayfd", "3", "-screen", "0", "1400x5000x24", "-nolisten", "tcp"], {
    stdio: ["ignore", "ignore", "pipe", "pipe"],
  });
  const display = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start: ${child.lastErrors()}`)), 10_000);
    child.stdio[3].on("data", (d) => {
      out += d;
      if (out.includes("\n")) {
        clearTimeout(timer);
        resolve(`:${out.trim()}`);
      }
    });
    child.once("exit", () => reject(new Error(`Xvfb exited: ${child.lastErrors()}`)));
  });
  return { child, display };
}

async function webkitPage(baseURL) {
  const x = await xvfb();
  const port = await freePort();
  const root = `http://127.0.0.1:${port}`;
  let driver;
  try {
    driver = await serve("WebKitWebDriver", [`--port=${port}`], `${root}/status`, {
      env: { ...process.env, DISPLAY: x.display },
    });
  } catch (e) {
    await stop(x.child);
    throw e;
  }
  const call = async (method, path, body) => {
    const response = await fetch(`${root}${path}`, {
      method,
      headers: body ? { "content-type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await response.json();
    if (!response.ok || json.value?.error) {
      throw new Error(`WebDriver ${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
    }
    return json.value;
  };
  let session;
  try {
    session = await call("POST", "/session", {
      capabilities: {
        alwaysMatch: {
          browserName: "MiniBrowser",
          "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
        },
      },
    });
  } catch (e) {
    await stop(driver);
    await stop(x.child);
    throw e;
  }
  const s = `/session/${session.sessionId}`;
  const version = session.capabilities?.browserVersion ?? "";
  let scriptTimeout = 0;
  const evaluate = async (source, timeout = 30_000) => {
    if (timeout !== scriptTimeout) {
      await call("POST", `${s}/timeouts`, { script: timeout });
      scriptTimeout = timeout;
    }
    const result = await call("POST", `${s}/execute/async`, {
      script: `const done = arguments[0];
        Promise.resolve().then(() => ${source}).then(
          (value) => done({ value: value === undefined ? null : value }),
          (e) => done({ error: String(e && e.message || e) }));`,
      args: [],
    });
    if (result && "error" in result) throw new Error(result.error);
    return result?.value;
  };
  return page({
    engine: "webkit",
    version: `WebKitGTK ${version}`,
    async goto(path) {
      await call("POST", `${s}/url`, { url: new URL(path, baseURL).href });
    },
    evaluate,
    async viewport(width, height) {
      // The window's outer size includes MiniBrowser's chrome: size it, then
      // correct by what the page reports as its viewport.
      await call("POST", `${s}/window/rect`, { width, height });
      const inner = await evaluate("[innerWidth, innerHeight]");
      if (inner[0] !== width || inner[1] !== height) {
        await call("POST", `${s}/window/rect`, { width: 2 * width - inner[0], height: 2 * height - inner[1] });
      }
    },
    async png(selector) {
      const full = await call("GET", `${s}/screenshot`);
      if (!selector) return Buffer.from(full, "base64");
      // WebKitWebDriver's element screenshot paints an element taller than
      // about 400 px partly black, so the element is cut out of the
      // viewport's screenshot instead, in the page.
      const cut = await evaluate(`(async () => {
        const el = document.querySelector(${JSON.stringify(selector)});
        if (!el) throw new Error("no element ${selector.replace(/"/g, "")} to screenshot");
        const r = el.getBoundingClientRect();
        const [x, y, w, h] = [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
        if (x < 0 || y < 0 || x + w > innerWidth || y + h > innerHeight) {
          throw new Error("${selector.replace(/"/g, "")} (" + [x, y, w, h] + ") is not inside the viewport");
        }
        const img = new Image();
        img.src = "data:image/png;base64,${full}";
        await img.decode();
        const canvas = document.createElement("canvas");
        [canvas.width, canvas.height] = [w, h];
        canvas.getContext("2d").drawImage(img, x, y, w, h, 0, 0, w, h);
        return canvas.toDataURL("image/png").slice("data:image/png;base64,".length);
      })()`);
      return Buffer.from(cut, "base64");
    },
    errors: () => [],
    reportsErrors: false,
    async close() {
      await call("DELETE", s).catch(() => {});
      await stop(driver);
      await stop(x.child);
    },
  });
}

/** Starts `engine` ("chromium", "firefox" or "webkit") with one page on `baseURL`. */
export function launch(engine, baseURL) {
  if (engine === "webkit") return webkitPage(baseURL);
  if (engine === "chromium" || engine === "firefox") return puppeteerPage(engine, baseURL);
  throw new Error(`unknown engine ${engine}`);
}
