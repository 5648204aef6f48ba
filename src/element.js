// article-widget.js: the one file a partner page includes.
//
//   <script type="module" src="https://cdn.example/article-widget/article-widget.js"></script>
//   <article-widget src="https://news.example/feed.json"></article-widget>
//
// Serve it with a short cache lifetime; the files it loads are content-hashed.
// tools/write-entry.sh fills in their names after each Trunk build.

const wasm = fetch(new URL("./__WASM__", import.meta.url));
const { default: init, mount, observedAttributes } = await import("./__GLUE__");
await init({ module_or_path: wasm });

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
