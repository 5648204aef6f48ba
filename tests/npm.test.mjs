// The npm package and the versioned CDN files that `make build` writes
// (tools/package.mjs), checked against src/contract.json, the one declaration
// of the public API. Run after `make build` and tools/hosts.sh (which installs
// the TypeScript compiler this test reads the .d.ts with):
//   node --test tests/npm.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { crateVersion, integrity, runtimeFiles } from "../tools/package.mjs";

const contract = JSON.parse(readFileSync("src/contract.json", "utf8"));
const version = crateVersion();
const npm = "dist/npm";
const names = (list) => list.map((x) => x.name).sort();
const sorted = (list) => [...list].sort();
const squash = (text) => text.replace(/\s+/g, " ").replace(/;\s*}/g, " }").trim();
// Packages of e2e/hosts (installed by tools/hosts.sh): the TypeScript
// compiler, ajv and the Custom Elements Manifest schema.
const hostsRequire = createRequire(new URL("../e2e/hosts/package.json", import.meta.url));

test("custom-elements.json is valid under the Custom Elements Manifest schema", () => {
  const Ajv = hostsRequire("ajv");
  const schema = hostsRequire("custom-elements-manifest/schema.json");
  const cem = JSON.parse(readFileSync(`${npm}/custom-elements.json`, "utf8"));
  const ajv = new Ajv({ allErrors: true, strict: false }).addSchema(schema, "cem");
  const valid = (definition, value) => {
    const validate = ajv.getSchema(`cem${definition}`);
    assert.ok(validate(value), `${definition}: ${JSON.stringify(validate.errors, null, 2)}`);
  };
  valid("", cem);
  // The package schema accepts any declaration that is a plain class; the
  // element must also be a valid custom element declaration.
  for (const declaration of cem.modules.flatMap((m) => m.declarations).filter((d) => d.customElement)) {
    valid("#/definitions/CustomElementDeclaration", declaration);
  }
  // The schema's own version, not an older one.
  assert.equal(cem.schemaVersion, hostsRequire("custom-elements-manifest/package.json").version);
});

test("custom-elements.json lists exactly the contract's attributes, events, parts, properties and methods", () => {
  const cem = JSON.parse(readFileSync(`${npm}/custom-elements.json`, "utf8"));
  assert.match(cem.schemaVersion, /^2\./);
  const [module] = cem.modules;
  assert.equal(module.path, "article-widget.js");
  const elements = module.declarations.filter((d) => d.customElement);
  assert.equal(elements.length, 1);
  const [element] = elements;
  assert.equal(element.tagName, contract.tag);
  assert.deepEqual(names(element.attributes), names(contract.attributes));
  assert.deepEqual(names(element.events), names(contract.events));
  assert.deepEqual(names(element.cssParts), names(contract.parts));
  assert.deepEqual(names(element.cssProperties), names(contract.cssProperties));
  assert.deepEqual(names(element.members.filter((m) => m.kind === "method")), names(contract.methods));
  assert.deepEqual(names(element.members), names(contract.methods), "no members but the methods");
  for (const event of contract.events) {
    const listed = element.events.find((e) => e.name === event.name);
    assert.equal(listed.type.text, `CustomEvent<${event.detail}>`);
  }
  const definition = module.exports.find((e) => e.kind === "custom-element-definition");
  assert.deepEqual(definition, { kind: "custom-element-definition", name: contract.tag, declaration: { name: element.name, module: module.path } });
});

/** The declarations of article-widget.d.ts, read with the TypeScript compiler. */
function readDeclarations() {
  const ts = hostsRequire("typescript");
  const file = `${npm}/article-widget.d.ts`;
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const found = { interfaces: {}, aliases: {}, classes: {}, modules: {} };
  const key = (name) => (ts.isStringLiteral(name) ? name.text : name.getText(source));
  const visit = (node, scope) => {
    if (ts.isInterfaceDeclaration(node)) {
      const members = node.members.map((m) => key(m.name));
      found.interfaces[`${scope}${node.name.text}`] = members;
    } else if (ts.isTypeAliasDeclaration(node)) {
      found.aliases[node.name.text] = node.type;
    } else if (ts.isClassDeclaration(node)) {
      found.classes[node.name.text] = node.members.filter((m) => m.name).map((m) => [ts.SyntaxKind[m.kind], key(m.name)]);
    } else if (ts.isModuleDeclaration(node)) {
      const name = ts.isStringLiteral(node.name) ? `"${node.name.text}".` : `${scope}${node.name.text}.`;
      found.modules[name] = true;
      if (node.body) ts.forEachChild(node.body, (child) => visit(child, name === "global." ? "" : name));
      return;
    }
    ts.forEachChild(node, (child) => visit(child, scope));
  };
  ts.forEachChild(source, (node) => visit(node, ""));
  return { ts, source, found };
}

test("article-widget.d.ts declares exactly the contract's attributes, events and methods", () => {
  const { ts, source, found } = readDeclarations();
  const attributes = found.aliases.ArticleWidgetAttribute;
  assert.ok(ts.isUnionTypeNode(attributes));
  assert.deepEqual(sorted(attributes.types.map((t) => t.literal.text)), names(contract.attributes));
  assert.deepEqual(sorted(found.interfaces.ArticleWidgetAttributes), names(contract.attributes));

  const events = names(contract.events);
  assert.deepEqual(sorted(found.interfaces.ArticleWidgetEventMap), events);
  assert.deepEqual(sorted(found.interfaces.HTMLElementEventMap), events);
  assert.deepEqual(sorted(found.interfaces.DocumentEventMap), events);
  assert.deepEqual(sorted(found.interfaces.ArticleWidgetEventProps), events.map((e) => `on${e}`));
  for (const event of contract.events) {
    const alias = Object.entries(found.aliases).find(([name]) => name.endsWith("Detail") && source.text.includes(`${JSON.stringify(event.name)}: CustomEvent<${name}>`));
    assert.ok(alias, `a detail type for ${event.name}`);
    assert.equal(squash(alias[1].getText(source)), squash(event.detail));
  }

  const methods = found.classes.ArticleWidget
    .filter(([kind, name]) => kind === "MethodDeclaration" && !/EventListener$/.test(name))
    .map(([, name]) => name);
  assert.deepEqual(sorted(methods), names(contract.methods));
  assert.deepEqual(found.interfaces.HTMLElementTagNameMap, [contract.tag]);
  assert.deepEqual(found.interfaces['"react".JSX.IntrinsicElements'], [contract.tag]);
  assert.deepEqual(found.interfaces['"preact".JSX.IntrinsicElements'], [contract.tag]);
});

test("package.json: the crate's version, ES module exports and every file the package ships", () => {
  const pkg = JSON.parse(readFileSync(`${npm}/package.json`, "utf8"));
  assert.equal(pkg.name, "article-widget");
  assert.equal(pkg.version, version);
  assert.equal(pkg.type, "module");
  assert.deepEqual(pkg.exports["."], { types: "./article-widget.d.ts", default: "./article-widget.js" });
  assert.deepEqual(pkg.sideEffects, ["./article-widget.js"]);
  const [entry, glue, wasm] = runtimeFiles();
  assert.deepEqual(sorted(pkg.files), sorted([entry, glue, wasm, "article-widget.d.ts", "custom-elements.json"]));
  // What `npm publish` would put in the tarball.
  const [packed] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: npm, encoding: "utf8" }));
  assert.deepEqual(
    sorted(packed.files.map((f) => f.path)),
    sorted([...pkg.files, "package.json", "README.md"]),
  );
  // The entry finds its glue and .wasm beside it.
  const source = readFileSync(`${npm}/${entry}`, "utf8");
  assert.ok(source.includes(`"./${glue}"`) && source.includes(`"./${wasm}"`));
});

test("the versioned CDN files are the release, and README's integrity hash is theirs", () => {
  for (const file of runtimeFiles()) {
    assert.ok(existsSync(`dist/v${version}/${file}`), `dist/v${version}/${file}`);
    assert.deepEqual(readFileSync(`dist/v${version}/${file}`), readFileSync(`dist/${file}`));
  }
  const readme = readFileSync("README.md", "utf8");
  const snippet = readme.match(/src="https:\/\/cdn\.example\/article-widget\/v([^/"]+)\/article-widget\.js"\s+integrity="([^"]+)"/);
  assert.ok(snippet, "README.md shows the versioned snippet with an integrity hash");
  assert.equal(snippet[1], version, "README's snippet names this release");
  assert.equal(
    snippet[2],
    integrity(`dist/v${version}/article-widget.js`),
    "README's integrity hash is stale: run `make sri`",
  );
});
