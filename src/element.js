// article-widget.js: the one file a partner page includes.
//
//   <script type="module" src="https://cdn.example/article-widget/article-widget.js"></script>
//   <article-widget src="https://news.example/feed.json"></article-widget>
//
// Serve it with a short cache lifetime; the files it loads are content-hashed.
// tools/write-entry.sh builds it after each Trunk build: src/contract.json as
// CONTRACT, then src/early.js, then this file, with the hashed names filled in.

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
const glue = import("./__GLUE__");
// Awaited below; a failed import still fails the module there.
glue.catch(() => {});

// Start the feeds of the widgets already in the page now, while the .wasm
// downloads and compiles; each widget's first request takes its answer.
// Reading localStorage throws where storage is refused (sandboxed frames).
// (Measured: doing this in a task of its own, to keep the page's first
// localStorage read out of this one, started the feeds ~30 ms later.)
const storage = (() => {
  try {
    return globalThis.localStorage;
  } catch {
    return null;
  }
})();
const early = startEarly(document, storage, CONTRACT.shared, Date.now());
// The engine's date data, in tasks of their own while the .wasm downloads and
// compiles, rather than inside the first render (see warmDates).
setTimeout(() => warmDates(dateLocales(document, CONTRACT.shared)));
const { default: init, mount, adoptEarlyRequests } = await glue;
await init({ module_or_path: wasm });
adoptEarlyRequests(early);
// Compiling and instantiating end one task; the first renders start the next,
// so that neither is long enough to block the page (Total Blocking Time).
await new Promise((resolve) => setTimeout(resolve, 0));

const ATTRIBUTES = CONTRACT.attributes;

class ArticleWidget extends HTMLElement {
  static get observedAttributes() {
    return ATTRIBUTES;
  }

  connectedCallback() {
    if (!this._aw) {
      const handle = mount(this);
      this._aw = handle;
      this.addEventListener(READY, fitOnceUnseen);
      // The first render in a task of its own (see Mounted::start), unless
      // the element was removed in between.
      if (handle) setTimeout(() => this._aw === handle && handle.start());
    }
  }

  // A move within one task (disconnect, then connect) keeps the instance; a
  // removal unmounts it, which aborts its request and stops its timers.
  disconnectedCallback() {
    queueMicrotask(() => {
      if (this.isConnected || !this._aw) return;
      const handle = this._aw;
      this._aw = undefined;
      this.removeEventListener(READY, fitOnceUnseen);
      this._fit?.disconnect();
      this._fit = undefined;
      handle.destroy();
    });
  }

  attributeChangedCallback(_name, before, after) {
    if (this._aw && before !== after) this._aw.update();
  }

  // `refresh` is both an attribute and the method. React 19 and Vue 3 set a
  // custom element's prop as a property when the element has one by that
  // name, so a value assigned to `refresh` goes to the attribute; reading it
  // gives the method.
  get refresh() {
    return refreshNow;
  }

  set refresh(seconds) {
    if (seconds == null) this.removeAttribute("refresh");
    else this.setAttribute("refresh", String(seconds));
  }
}

const READY = `${CONTRACT.tag}:ready`;

// The space a list or cards widget reserves is as tall as `limit` articles, so
// that nothing moves while it loads. When the feed has fewer, the rest is
// blank. Once the articles are shown, data-fit lets that space go
// (styles/widget.css), but only when doing so can move nothing the reader
// sees: while the widget's bottom edge is below the viewport, and so is
// everything after it. A widget whose end is in view keeps its space until
// the reader scrolls it below the fold again; one scrolled past keeps it.
function fitOnceUnseen() {
  if (this._fit || this.hasAttribute("data-fit") || typeof IntersectionObserver !== "function") return;
  const observer = new IntersectionObserver(([entry]) => {
    const fold = entry.rootBounds ? entry.rootBounds.bottom : innerHeight;
    if (entry.boundingClientRect.bottom <= fold) return;
    this.setAttribute("data-fit", "");
    observer.disconnect();
    this._fit = undefined;
  }, { threshold: [0, 1] });
  this._fit = observer;
  observer.observe(this);
}

/** Fetches the feed again now. */
function refreshNow() {
  if (this._aw) this._aw.refresh();
}

export { ArticleWidget };

if (!customElements.get(CONTRACT.tag)) {
  customElements.define(CONTRACT.tag, ArticleWidget);
}
// The widgets in the page have taken their requests by now; those that no
// widget will take (removed, or given another src meanwhile) are aborted.
setTimeout(() => abortUnclaimed(early, document, CONTRACT.shared));
