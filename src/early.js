// The entry module's side of its contract with the Rust code: which URL a
// widget requests, and whether it has a cached copy it would show. The
// entry starts those requests early, before the .wasm is ready, and hands
// them over with adoptEarlyRequests() (src/source/early.rs). Each function
// here answers exactly as its Rust counterpart does, and a browser test
// (tests/browser.rs) holds them to it. `shared` is src/contract.json's.

/** src/source.rs `request_url`: `src` resolved against `base`, http(s) only; null otherwise. */
export function requestUrl(src, base) {
  if (typeof src !== "string") return null;
  const trimmed = src.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, "");
  if (trimmed === "") return null;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** src/source/cache.rs `read` and policy.rs `cache_usable`: a copy of `url` young enough to show at `now`. */
export function hasUsableCopy(storage, shared, url, now) {
  try {
    const entry = storage.getItem(shared.cachePrefix + url);
    if (entry === null || entry.split("\n", 3).length < 3) return false;
    for (const line of (storage.getItem(shared.cacheIndex) ?? "").split("\n")) {
      const match = /^(\d+) (\d+) (.+)$/s.exec(line);
      if (match === null || match[3] !== url) continue;
      const savedAt = Number(match[1]);
      return savedAt <= now && now - savedAt <= shared.cacheMaxAgeMs;
    }
  } catch {
    // Storage disabled or refused: there is no copy.
  }
  return false;
}

/**
 * Starts the feeds of the widgets in `doc` that have no usable cached copy
 * (those revalidate with If-None-Match instead), one request per URL, made
 * as the widget makes its own. Returns them by URL as { response, controller }.
 */
export function startEarly(doc, storage, shared, now) {
  const early = new Map();
  for (const element of doc.querySelectorAll(`${shared.tag}[src]`)) {
    const url = requestUrl(element.getAttribute("src"), doc.baseURI);
    if (url === null || early.has(url) || hasUsableCopy(storage, shared, url, now)) continue;
    const controller = new AbortController();
    const response = fetch(url, {
      headers: { Accept: shared.accept },
      credentials: "omit",
      signal: controller.signal,
    });
    response.catch(() => {}); // a failure is the widget's to report, when it asks
    early.set(url, { response, controller });
  }
  return early;
}

/** Aborts the early requests that no widget in `doc` will take any more (removed, or given another src). */
export function abortUnclaimed(early, doc, shared) {
  const wanted = new Set();
  for (const element of doc.querySelectorAll(`${shared.tag}[src]`)) {
    wanted.add(requestUrl(element.getAttribute("src"), doc.baseURI));
  }
  for (const [url, request] of early) {
    if (!wanted.has(url)) {
      request.controller.abort();
      early.delete(url);
    }
  }
}

/**
 * The languages the widgets in `root` will write their dates in, as
 * src/components/widget.rs picks them: their `lang`, else the page's, else
 * the browser's (the article's own language, read later, is not known yet).
 * At most `max` distinct tags.
 */
export function dateLocales(root, shared, max = 4) {
  const page = root.documentElement?.getAttribute("lang")?.trim() || globalThis.navigator?.language || "en";
  const locales = new Set();
  for (const element of root.querySelectorAll(shared.tag)) {
    if (locales.size >= max) break;
    locales.add(element.getAttribute("lang")?.trim() || page);
  }
  return [...locales];
}

/**
 * Makes the engine load the locale and time-zone data of `locales` now. The
 * first Intl.DateTimeFormat of a page costs 15–40 ms in Chromium (the later
 * ones well under a millisecond); done while the .wasm downloads, that cost
 * leaves the first render. It is loaded in steps, a task each, so that none
 * is long enough to block the page: measured in Chromium 156, the first
 * `Intl.DateTimeFormat` took 21 ms in one task; in steps, the language's
 * subtags 5 ms, ICU's common data (with a number format) 10–12 ms, the
 * date formats 5 ms. A tag the engine refuses is skipped: the widget falls
 * back on its own. Resolves once all is loaded.
 */
export function warmDates(locales) {
  const steps = locales.flatMap((locale) => [
    () => new Intl.Locale(locale).maximize(),
    () => new Intl.NumberFormat(locale).format(1),
    () => new Intl.DateTimeFormat(locale, { timeZone: "UTC" }),
    () => new Intl.DateTimeFormat(locale, { weekday: "long", month: "long", hour: "2-digit", timeZoneName: "shortOffset" }).format(0),
  ]);
  return new Promise((resolve) => {
    const next = () => {
      const step = steps.shift();
      if (!step) return resolve();
      try {
        step();
      } catch {
        // Not a language tag: nothing to load.
      }
      setTimeout(next);
    };
    next();
  });
}
