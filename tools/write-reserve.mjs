// Writes article-widget.css, the document-level stylesheet that reserves each
// <article-widget>'s space before its script runs, and puts the same rules
// into the entry module, which adopts them on the document as soon as it runs.
//   node tools/write-reserve.mjs DIR      (DIR holds article-widget.js; run by write-entry.sh)
//
// The height comes from the "reserve" section of styles/widget.css, which the
// shadow root applies after the script runs: one source, so the box has the
// same height before and after. There `.aw` is the widget's root; here it is
// the ::before box of an element that is not defined yet, and data-layout (the
// layout the widget chose) is the layout attribute.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
if (!dir) throw new Error("usage: node tools/write-reserve.mjs DIR");
const root = new URL("..", import.meta.url).pathname;
const widgetCss = readFileSync(join(root, "styles/widget.css"), "utf8");
const section = /\/\* reserve:begin[\s\S]*?\*\/([\s\S]*?)\/\* reserve:end \*\//.exec(widgetCss);
if (!section) throw new Error("write-reserve: no reserve:begin … reserve:end section in styles/widget.css");

const reserve = section[1]
  .replace(/\/\*[\s\S]*?\*\//g, "")
  .replace(/\.aw\[data-layout=("[a-z]+")\]/g, "article-widget[layout=$1]:not(:defined):not([hidden]):not([data-prerendered])::before")
  .replace(/\.aw(?![\w-])/g, "article-widget:not(:defined):not([hidden]):not([data-prerendered])::before");
if (/\.aw[\w-]/.test(reserve)) throw new Error("write-reserve: the reserve section may only select .aw");

const limits = Array.from({ length: 100 }, (_, i) => `article-widget[limit="${i + 1}"] { --_aw-n: ${i + 1}; }`);
const css = `/*
 * article-widget.css: keeps the page from moving while <article-widget>
 * loads. Include it in the <head>, beside the entry module:
 *   <link rel="stylesheet" href="https://cdn.example/article-widget/article-widget.css">
 * It styles article-widget elements and nothing else (a pre-rendered one,
 * data-prerendered, shows its articles already): until the script has
 * defined the element, each one is a block as tall as the widget will be
 * (from its layout and limit attributes and its width; --aw-reserve sets a
 * floor), and the number of items is passed on to the widget's own styles.
 */
article-widget { --_aw-n: 10; }
${limits.join("\n")}
article-widget:not(:defined):not([hidden]):not([data-prerendered]) { display: block; container: article-widget / inline-size; }
article-widget:not(:defined):not([hidden]):not([data-prerendered])::before { content: ""; display: block; }
${reserve.trim()}
`;
writeFileSync(join(dir, "article-widget.css"), css);

// In the entry, the hundred limit rules are made by a loop: fewer bytes.
const compact = css
  .replace(/^article-widget\[limit=.*\n/gm, "")
  .replace(/\/\*[\s\S]*?\*\//g, "")
  .replace(/\s+/g, " ")
  .replace(/ ?([{};,>]) ?/g, "$1")
  .trim();
const entry = join(dir, "article-widget.js");
const js = readFileSync(entry, "utf8");
if (!js.includes('"__RESERVE_CSS__"')) throw new Error("write-reserve: no \"__RESERVE_CSS__\" in article-widget.js");
const limitRules = "Array.from({ length: 100 }, (_, i) => `article-widget[limit=\"${i + 1}\"]{--_aw-n:${i + 1}}`).join(\"\")";
writeFileSync(entry, js.replace('"__RESERVE_CSS__"', () => `${JSON.stringify(compact)} + ${limitRules}`));
