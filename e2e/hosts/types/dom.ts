// A typed consumer of the package without a framework: tsc --noEmit checks
// that the element, its events and their details type as the contract says.
import { ArticleWidget } from "article-widget";
import type { ArticleWidgetAttribute, ArticleWidgetEventMap } from "article-widget";

const widget: ArticleWidget = document.createElement("article-widget");
widget.setAttribute("layout", "cards");
widget.refresh();

widget.addEventListener("article-widget:ready", (event) => {
  const headlines: string[] = event.detail.items.map((item) => item.headline);
  const urls: (string | null)[] = event.detail.items.map((item) => item.url);
  console.log(headlines, urls);
});
widget.addEventListener("article-widget:error", (event) => {
  const kind: "network" | "timeout" | "http" | "too-large" | "format" = event.detail.kind;
  const status: number | undefined = event.detail.status;
  console.log(kind, status, event.detail.message);
});
document.addEventListener("article-widget:open", (event) => {
  event.preventDefault();
  const id: string = event.detail.id;
  console.log(id);
});

const found = document.querySelector("article-widget");
found?.refresh();
const attribute: ArticleWidgetAttribute = "heading-level";
const open: ArticleWidgetEventMap["article-widget:open"]["detail"] = { id: "1", url: null };
console.log(attribute, open, ArticleWidget.observedAttributes);

// @ts-expect-error: not an attribute of the element
const wrong: ArticleWidgetAttribute = "carousel";
// @ts-expect-error: the ready event's items have no `title`
widget.addEventListener("article-widget:ready", (event) => event.detail.items[0].title);
console.log(wrong);
