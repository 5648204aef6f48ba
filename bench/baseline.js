// The floor to compare against: a hand-written vanilla-JS <article-widget>
// with the same element contract (JSON Feed only), the same markup and the same
// stylesheet: bench/run.mjs serves it with styles/widget.css inlined below.
// Not shipped; it exists to measure the real widget against.

const sheet = new CSSStyleSheet();
sheet.replaceSync(__WIDGET_CSS__);

const ATTRIBUTES = ["src", "layout", "item", "limit", "lang", "time-zone", "theme", "refresh", "heading-level", "target"];
const WORDS = {
  vi: { loading: "Đang tải bài viết…", error: "Không tải được bài viết", retry: "Thử lại", empty: "Chưa có bài viết nào.", by: "Tác giả" },
  en: { loading: "Loading articles…", error: "The articles could not be loaded", retry: "Try again", empty: "There are no articles yet.", by: "By" },
};

const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) node.setAttribute(k, v);
  node.append(...children.filter((c) => c != null));
  return node;
};

const collapse = (s) => (typeof s === "string" ? s.split(/\s+/).filter(Boolean).join(" ") : "");
const paragraphs = (text) =>
  text.split(/\n\s*\n/).map((p) => collapse(p)).filter(Boolean);

function parseDate(s) {
  if (typeof s !== "string") return null;
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:\d{2})$/i.exec(s.trim());
  if (!m) return null;
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return null;
  const offset = m[3].toUpperCase() === "Z" ? 0 : (m[3][0] === "-" ? -1 : 1) * (Number(m[3].slice(1, 3)) * 60 + Number(m[3].slice(4, 6)));
  return { ms, offset, text: s.trim() };
}

function adapt(doc) {
  if (!doc || typeof doc.version !== "string" || !Array.isArray(doc.items)) throw new Error("This is JSON, but not an article feed.");
  const items = [];
  doc.items.forEach((item, index) => {
    if (!item || typeof item !== "object") return;
    const ext = item._article_widget || {};
    const img = ext.image || {};
    const body = typeof item.content_html === "string" && item.content_html.trim()
      ? [...new DOMParser().parseFromString(item.content_html, "text/html").body.children].map((c) => collapse(c.textContent)).filter(Boolean)
      : typeof item.content_text === "string" ? paragraphs(item.content_text) : [];
    const summary = collapse(item.summary) || null;
    const headline = collapse(item.title) || summary || (body[0] || "");
    const src = img.url || item.image || null;
    if (!headline && !body.length && !src) return;
    items.push({
      id: typeof item.id === "string" ? item.id : String(item.id ?? index),
      url: typeof item.url === "string" ? new URL(item.url, doc.__base).href : null,
      headline, summary, body,
      published: parseDate(item.date_published),
      authors: (item.authors || []).map((a) => collapse(a && a.name)).filter(Boolean),
      section: Array.isArray(item.tags) ? item.tags[0] : null,
      language: item.language || doc.language || null,
      image: src ? { src: new URL(src, doc.__base).href, alt: collapse(img.alt), caption: collapse(img.caption) || null,
        credit: collapse(img.credit) || null, width: img.width, height: img.height } : null,
    });
  });
  items.sort((a, b) => (b.published?.ms ?? -Infinity) - (a.published?.ms ?? -Infinity));
  return items;
}

function dateline(p, locale, zoneSetting) {
  const zone = zoneSetting === "local" ? undefined : zoneSetting !== "source" ? zoneSetting
    : p.offset === 0 ? "UTC" : p.offset % 60 === 0 ? `Etc/GMT${p.offset > 0 ? "-" : "+"}${Math.abs(p.offset / 60)}` : undefined;
  const vi = locale.toLowerCase().startsWith("vi");
  const date = new Intl.DateTimeFormat(locale, vi
    ? { weekday: "long", day: "2-digit", month: "2-digit", year: "numeric", timeZone: zone }
    : { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: zone }).format(p.ms);
  const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone,
    timeZoneName: zone === "UTC" ? "short" : "shortOffset" }).format(p.ms);
  return el("time", { class: "aw-dateline", part: "dateline", datetime: p.text }, `${date}, ${time}`);
}

class ArticleWidget extends HTMLElement {
  static get observedAttributes() { return ATTRIBUTES; }

  connectedCallback() {
    if (!this.shadowRoot) this.attachShadow({ mode: "open" }).adoptedStyleSheets = [sheet];
    this.load();
  }

  disconnectedCallback() { this.controller?.abort(); }

  attributeChangedCallback(name, before, after) {
    if (!this.isConnected || before === after) return;
    if (name === "src") this.load(); else this.render();
  }

  refresh() { this.load(); }

  async load() {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    this.state = { kind: "loading" };
    this.render();
    try {
      const src = this.getAttribute("src");
      let text, base = document.baseURI;
      if (src) {
        const url = new URL(src, document.baseURI).href;
        const res = await fetch(url, { signal: controller.signal });
        if (!res.ok) throw new Error(`The feed server answered HTTP ${res.status}.`);
        text = await res.text();
        base = url;
      } else {
        text = this.querySelector(":scope > script[type='application/json']")?.textContent;
        if (text == null) throw new Error("No feed to show.");
      }
      const doc = JSON.parse(text);
      doc.__base = base;
      const items = adapt(doc);
      if (controller.signal.aborted) return;
      this.state = { kind: items.length ? "ready" : "empty", items };
    } catch (e) {
      if (controller.signal.aborted) return;
      this.state = { kind: "error", message: e.message };
    }
    this.render();
  }

  render() {
    const { kind, items = [], message } = this.state || { kind: "loading" };
    const limit = Math.min(100, Math.max(1, Number.parseInt(this.getAttribute("limit"), 10) || 10));
    const level = Math.min(6, Math.max(1, Number.parseInt(this.getAttribute("heading-level"), 10) || 2));
    const layoutAttr = this.getAttribute("layout");
    const layout = layoutAttr === "article" || (!layoutAttr && items.length === 1) ? "article" : layoutAttr === "cards" ? "cards" : "list";
    const lang = this.getAttribute("lang") || items[0]?.language || document.documentElement.lang || navigator.language;
    const words = WORDS[lang.toLowerCase().startsWith("vi") ? "vi" : "en"];
    const zone = this.getAttribute("time-zone") || "source";
    const target = this.getAttribute("target") || "_self";
    const h = (cls, ...c) => el(`h${level}`, { class: cls, part: "headline" }, ...c);

    let content;
    if (kind === "loading") {
      content = el("div", { class: "aw-skeleton", role: "status", "aria-busy": "true" }, el("span", { class: "aw-visually-hidden" }, words.loading));
    } else if (kind === "error") {
      const retry = el("button", { class: "aw-retry", type: "button", part: "retry" }, words.retry);
      retry.addEventListener("click", () => this.load());
      content = el("div", { class: "aw-error", role: "alert", part: "error" },
        el("p", { class: "aw-error-title" }, words.error), el("p", { class: "aw-error-detail", lang: "en" }, message), retry);
    } else if (kind === "empty") {
      content = el("p", { class: "aw-empty", role: "status" }, words.empty);
    } else if (layout === "article") {
      const a = items.find((i) => i.id === this.getAttribute("item")) || items[Number(this.getAttribute("item"))] || items[0];
      const meta = el("p", { class: "aw-meta" },
        a.published ? dateline(a.published, lang, zone) : null,
        a.authors.length ? el("span", { class: "aw-byline", part: "byline" }, el("span", { class: "aw-visually-hidden" }, `${words.by} `), a.authors.join(", ")) : null,
        a.section ? el("span", { class: "aw-section" }, a.section) : null);
      const figure = a.image ? el("figure", { class: "aw-figure", part: "figure" },
        el("img", { class: "aw-image", part: "image", src: a.image.src, alt: a.image.alt, width: a.image.width, height: a.image.height, loading: "lazy", decoding: "async" }),
        a.image.caption || a.image.credit ? el("figcaption", { class: "aw-caption", part: "caption" },
          a.image.caption ? el("span", {}, a.image.caption) : null, a.image.credit ? el("span", { class: "aw-credit" }, a.image.credit) : null) : null) : null;
      content = el("article", { class: "aw-article", lang: a.language }, h("aw-headline", a.headline), meta, figure,
        el("div", { class: "aw-body", part: "body" }, ...a.body.map((p) => el("p", {}, p))));
    } else {
      content = el("ol", { class: layout === "cards" ? "aw-list aw-cards" : "aw-list" }, ...items.slice(0, limit).map((a) => {
        const link = a.url ? el("a", { href: a.url, target, rel: target === "_blank" ? "noopener noreferrer" : null }, a.headline) : a.headline;
        link.addEventListener?.("click", (e) => {
          const open = new CustomEvent("article-widget:open", { bubbles: true, composed: true, cancelable: true, detail: { id: a.id, url: a.url } });
          if (!this.dispatchEvent(open)) e.preventDefault();
        });
        return el("li", { class: "aw-item", part: "item" }, el("article", { class: "aw-item-article", lang: a.language },
          a.image ? el("img", { class: "aw-thumb", src: a.image.src, alt: "", width: a.image.width, height: a.image.height, loading: "lazy", decoding: "async" }) : null,
          el("div", { class: "aw-item-text" }, h("aw-item-headline", link), a.published ? dateline(a.published, lang, zone) : null,
            a.summary ? el("p", { class: "aw-summary" }, a.summary) : null)));
      }));
    }
    const root = el("div", { class: "aw", lang, "data-theme": this.getAttribute("theme") || "auto", "data-layout": layout }, content);
    this.shadowRoot.replaceChildren(root);
    this.setAttribute("data-state", kind);
    if (kind === "ready") {
      this.dispatchEvent(new CustomEvent("article-widget:ready", { bubbles: true, composed: true,
        detail: { items: (layout === "article" ? items.slice(0, 1) : items.slice(0, limit)).map(({ id, url, headline }) => ({ id, url, headline })) } }));
    } else if (kind === "error") {
      this.dispatchEvent(new CustomEvent("article-widget:error", { bubbles: true, composed: true, detail: { kind: "network", message } }));
    }
  }
}

if (!customElements.get("article-widget")) customElements.define("article-widget", ArticleWidget);
