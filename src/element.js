// article-widget.js: the one file a partner page includes.
//
//   <script type="module" src="https://cdn.example/article-widget/article-widget.js"></script>
//   <article-widget src="https://news.example/feed.json"></article-widget>
//
// Serve it with a short cache lifetime; the files it loads are content-hashed.
// tools/write-entry.sh fills in their names after each Trunk build.

// First of all, before anything is fetched: reserve each widget's space
// (article-widget.css, written by tools/write-reserve.mjs), so the page does
// not move when the widgets appear. Rules for article-widget elements only;
// an adopted sheet is allowed by a strict style-src. A page that links
// article-widget.css has them from its first paint on.
try {
  const reserve = new CSSStyleSheet();
  reserve.replaceSync("__RESERVE_CSS__");
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, reserve];
} catch {
  // No constructable stylesheets: the widget works, the page may move.
}

const wasm = fetch(new URL("./__WASM__", import.meta.url));

// Start the feeds of the widgets already in the page now, while the .wasm
// downloads and compiles; each widget's first request takes its answer
// (src/source/http.rs). Not for a feed with a copy kept from an earlier visit
// (src/source/cache.rs): its widget revalidates with If-None-Match instead.
const cached = (url) => {
  try {
    return localStorage.getItem("__CACHE_PREFIX__" + url) !== null;
  } catch {
    return false;
  }
};
const early = new Map();
for (const element of document.querySelectorAll("article-widget[src]")) {
  try {
    const url = new URL(element.getAttribute("src"), document.baseURI).href;
    if (!early.has(url) && /^https?:/.test(url) && !cached(url)) {
      const answer = fetch(url, { headers: { Accept: "__ACCEPT__" } });
      answer.catch(() => {}); // a failure is the widget's to report, when it asks
      early.set(url, answer);
    }
  } catch {
    // An src that is not a URL: the widget says so itself.
  }
}
globalThis[Symbol.for("article-widget.early")] = early;
const { default: init, mount, observedAttributes } = await import("./__GLUE__");
await init({ module_or_path: wasm });
// Compiling and instantiating end one task; the first renders start the next,
// so that neither is long enough to block the page (Total Blocking Time).
await new Promise((resolve) => setTimeout(resolve, 0));

const ATTRIBUTES = observedAttributes();

class ArticleWidget extends HTMLElement {
  static get observedAttributes() {
    return ATTRIBUTES;
  }

  connectedCallback() {
    if (!this._aw) this._aw = mount(this);
  }

  // A move within one task (disconnect, then connect) keeps the instance; a
  // removal unmounts it, which aborts its request and stops its timers.
  disconnectedCallback() {
    queueMicrotask(() => {
      if (this.isConnected || !this._aw) return;
      const handle = this._aw;
      this._aw = undefined;
      handle.destroy();
    });
  }

  attributeChangedCallback(_name, before, after) {
    if (this._aw && before !== after) this._aw.update();
  }

  /** Fetches the feed again now. */
  refresh() {
    if (this._aw) this._aw.refresh();
  }
}

if (!customElements.get("article-widget")) {
  customElements.define("article-widget", ArticleWidget);
}
