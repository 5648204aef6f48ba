// Test server for the end-to-end tests, loopback only.
//
// Page origin (PORT, default 4173): dist/ at "/", the host pages of e2e/pages
// at "/e2e/", tests/fixtures at "/fixtures/", and "/slow?ms=N" which answers
// the sample feed after N ms. A page named *.csp.html is sent with a strict
// Content-Security-Policy.
//
// "/echo-cookie" answers a JSON Feed whose one headline is the Cookie header
// it received: a widget must never send the reader's cookies.
//
// "CDN" origin (CDN_PORT, default PORT + 1): dist/ under /cdn/article-widget/v1/
// with the production cache headers and CORS, as README.md describes.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const port = Number(process.env.PORT || 4173);
const cdnPort = Number(process.env.CDN_PORT || port + 1);
const dist = join(root, "dist");

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
};

export const STRICT_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; img-src 'self'; style-src 'self'";

/** The cache lifetime README.md gives for each file of dist/. */
export function cacheControl(name) {
  if (name === "article-widget.js") return "public, max-age=300, stale-while-revalidate=86400";
  if (/-[0-9a-f]+(_bg)?\.(js|wasm|css)$/.test(name)) return "public, max-age=31536000, immutable";
  return "public, max-age=300";
}

async function sendFile(res, file, headers = {}) {
  try {
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    const body = await readFile(file);
    res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream", ...headers });
    res.end(body);
  } catch {
    send(res, 404, "not found");
  }
}

function send(res, status, text) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(text);
}

function inside(dir, rest) {
  const file = normalize(join(dir, rest));
  return file.startsWith(dir) ? file : null;
}

createServer(async (req, res) => {
  const url = new URL(req.url, "http://localhost");
  const path = decodeURIComponent(url.pathname);
  const headers = { "cache-control": "no-store", "access-control-allow-origin": "*" };
  if (path === "/slow") {
    await new Promise((r) => setTimeout(r, Number(url.searchParams.get("ms") || 1000)));
    return sendFile(res, join(dist, "sample/feed.json"), headers);
  }
  if (path === "/echo-cookie") {
    const cookie = req.headers.cookie ?? "none";
    const feed = {
      version: "https://jsonfeed.org/version/1.1",
      items: [{ id: "echo", title: `cookie: ${cookie}`, date_published: "2026-11-25T10:00:00+07:00" }],
    };
    res.writeHead(200, { "content-type": "application/feed+json", ...headers });
    return res.end(JSON.stringify(feed));
  }
  const mounts = [
    ["/e2e/", join(root, "e2e/pages")],
    ["/fixtures/", join(root, "tests/fixtures")],
    ["/", dist],
  ];
  const [prefix, dir] = mounts.find(([p]) => path.startsWith(p));
  const file = inside(dir, path.slice(prefix.length));
  if (!file) return send(res, 403, "forbidden");
  if (file.endsWith(".csp.html")) headers["content-security-policy"] = STRICT_CSP;
  return sendFile(res, file, headers);
}).listen(port, "127.0.0.1", () => console.log(`e2e pages on http://127.0.0.1:${port}/`));

createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
  const prefix = "/cdn/article-widget/v1/";
  if (!path.startsWith(prefix)) return send(res, 404, "not found");
  const name = path.slice(prefix.length);
  const file = inside(dist, name);
  if (!file) return send(res, 403, "forbidden");
  return sendFile(res, file, { "cache-control": cacheControl(name), "access-control-allow-origin": "*" });
}).listen(cdnPort, "127.0.0.1", () => console.log(`e2e "CDN" on http://127.0.0.1:${cdnPort}/cdn/article-widget/v1/`));
