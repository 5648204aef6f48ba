//! The two body paths, `html5ever` natively and `DOMParser` in the browser,
//! must give identical blocks: a pre-rendered article and the same article
//! rendered by the widget show the same body.
//!
//! `tests/fixtures/body-blocks.json` holds every body of the test corpora
//! (the DOMPurify and ammonia vectors, the WordPress, Ghost, JSON Feed and
//! JSON-LD fixtures, the samples, and tree-construction edge cases) with the
//! blocks the native path makes of it. The native test checks that file
//! against the native path (`UPDATE_GOLDEN=1` rewrites it); the browser test
//! checks it against `DOMParser`.

use article_widget::body;
use article_widget::model::Body;
use serde_json::Value;

/// The blocks of `html` as a comparable string.
fn blocks(html: &str, base: Option<&str>) -> String {
    format!("{:?}", body::blocks(&Body::from_html(html), base, 2))
}

/// An entry's HTML: `html`, then `unit` repeated `times` when the entry has
/// them (the deep-nesting cases would be megabytes spelled out).
fn html_of(entry: &Value) -> String {
    let mut html = entry["html"].as_str().unwrap_or_default().to_owned();
    if let (Some(unit), Some(times)) = (entry["unit"].as_str(), entry["times"].as_u64()) {
        html.push_str(&unit.repeat(times as usize));
        html.push_str(entry["tail"].as_str().unwrap_or_default());
    }
    html
}

#[cfg(not(target_arch = "wasm32"))]
#[path = "support/xss.rs"]
mod xss;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::fs;
    use std::path::Path;

    use article_widget::formats;
    use article_widget::model::Body;
    use serde_json::json;

    use super::*;

    const BASE: &str = "https://news.example/2024/06/story.html";
    const GOLDEN: &str = "tests/fixtures/body-blocks.json";

    /// HTML5 tree-construction cases where a naive parser and a browser
    /// disagree, plus the limits.
    const EDGES: [(&str, &str); 16] = [
        ("misnested", "<p><b>one<p>two</b> three<i>four<div>five</i>six</div>"),
        ("adoption agency", "<a href=/x>1<p>2</a>3</p><b>b<i>bi</b>i</i>"),
        ("foster parenting", "<table>x<tr><td>cell</td></tr>y<b>z</b></table>after"),
        ("table in quirks p", "<p>para<table><tr><td>in</td></tr></table>out"),
        ("table in standards p", "<!DOCTYPE html><p>para<table><tr><td>in</td></tr></table>out"),
        ("template", "<template><p>hidden</p></template><p>shown<template>no</template></p>"),
        ("noscript in head", "<noscript><p>moved</p></noscript><p>body</p>"),
        ("head content", "<title>t</title><style>p{}</style><meta charset=utf-8><p>x</p>"),
        ("body after frameset", "<frameset><frame></frameset><p>gone</p>"),
        ("nul and crlf", "<p>a\u{0}b\r\nc\rd</p><pre>\r\nkept\r\n</pre>"),
        ("entities", "<p>&amp;&lt;&gt;&nbsp;&copy&notin;&notit;&#x1F600;&#0;&#x80;</p>"),
        ("lists", "<ul>x<li>1<li>2<ol><li>3</ol>tail</ul><li>stray"),
        ("headings", "<h1>a<h2>b</h1>c</h2><h3><h4>d</h4></h3>"),
        ("select and forms", "<select><option>o<p>x</select><form><p>f</form><p>after"),
        ("svg breakout", "<svg><p>out</p><desc><b>in</b></desc></svg><math><mi><b>m</b></mi></math>"),
        ("urls", "<a href='  //cdn.example/a b'>1</a><a href='?q=ü'>2</a><a href='HTTP://EX.example:80/%7e'>3</a><img src='../i.png' alt=i><a href='https://xn--bcher-kva.example/'>4</a><a href='https://bücher.example/'>5</a>"),
    ];

    /// Nesting and node-count limits: (source, prefix, repeated unit, times, tail).
    const REPEATS: [(&str, &str, &str, u64, &str); 5] = [
        ("60 000 <b>", "start", "<b>", 60_000, "deep"),
        ("7 000 <blockquote>", "start", "<blockquote>", 7_000, "deep"),
        ("7 000 <ul><li>", "start", "<ul><li>", 7_000, "deep"),
        ("60 000 </p>", "start", "</p>", 60_000, "deep"),
        ("20 000 <i></i>x", "", "<i></i>x", 20_000, ""),
    ];

    /// The HTML bodies of every article of the feeds in `dir` (and below).
    fn feed_bodies(dir: &Path, out: &mut Vec<Value>) {
        let mut paths: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for path in paths {
            if path.is_dir() {
                feed_bodies(&path, out);
                continue;
            }
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let Ok(text) = fs::read_to_string(&path) else {
                continue;
            };
            let Ok(feed) = formats::parse(&text) else {
                continue;
            };
            for article in &feed.items {
                if let Body::Html(html) = &article.body {
                    out.push(json!({
                        "source": format!("{} {}", path.display(), article.id),
                        "base": article.url,
                        "html": html,
                    }));
                }
            }
        }
    }

    fn corpus() -> Vec<Value> {
        let mut entries = Vec::new();
        for (name, path) in [
            ("dompurify", "tests/fixtures/xss/dompurify-vectors.json"),
            ("ammonia", "tests/fixtures/xss/ammonia-payloads.json"),
        ] {
            for (i, html) in super::xss::payloads(&fs::read_to_string(path).unwrap())
                .into_iter()
                .enumerate()
            {
                entries
                    .push(json!({ "source": format!("{name} {i}"), "base": BASE, "html": html }));
            }
        }
        for dir in ["tests/fixtures", "sample"] {
            feed_bodies(Path::new(dir), &mut entries);
        }
        for (name, html) in EDGES {
            entries.push(json!({ "source": name, "base": BASE, "html": html }));
        }
        for (name, prefix, unit, times, tail) in REPEATS {
            entries.push(json!({
                "source": name, "base": BASE, "html": prefix, "unit": unit, "times": times, "tail": tail,
            }));
        }
        for entry in &mut entries {
            let html = html_of(entry);
            let made = blocks(&html, entry["base"].as_str());
            entry["blocks"] = Value::String(made);
        }
        entries
    }

    #[test]
    fn the_golden_blocks_are_the_native_paths() {
        let entries = corpus();
        let sources = |prefix: &str| {
            entries
                .iter()
                .filter(|e| e["source"].as_str().unwrap().starts_with(prefix))
                .count()
        };
        // Every corpus is in: a fixture that stopped parsing would shrink it.
        assert_eq!(sources("dompurify"), 223);
        assert_eq!(sources("ammonia"), 57);
        assert!(sources("tests/fixtures/formats/frontity") >= 16);
        assert!(sources("tests/fixtures/formats/gofeed") >= 3);
        assert!(sources("sample") >= 4);
        let golden = Value::Array(entries);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            let mut text = serde_json::to_string_pretty(&golden).unwrap();
            text.push('\n');
            fs::write(GOLDEN, text).unwrap();
        }
        let committed: Value = serde_json::from_str(&fs::read_to_string(GOLDEN).unwrap())
            .expect("tests/fixtures/body-blocks.json (UPDATE_GOLDEN=1 writes it)");
        let changed: Vec<String> = committed
            .as_array()
            .unwrap()
            .iter()
            .zip(golden.as_array().unwrap())
            .filter(|(before, now)| before != now)
            .map(|(before, now)| format!("{before:.600}\n  now: {now:.600}"))
            .collect();
        assert!(
            changed.is_empty() && committed == golden,
            "the corpus or the native blocks changed (UPDATE_GOLDEN=1 rewrites the file; review its diff):\n{}",
            changed.join("\n")
        );
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen_test::*;

    use super::*;

    wasm_bindgen_test_configure!(run_in_browser);

    /// Every entry whose blocks differ from `make`'s, described for the report.
    fn differences(golden: &Value, make: impl Fn(&str, Option<&str>) -> String) -> Vec<String> {
        let entries = golden.as_array().expect("the golden file is an array");
        entries
            .iter()
            .filter_map(|entry| {
                let html = html_of(entry);
                let base = entry["base"].as_str();
                let got = make(&html, base);
                let want = entry["blocks"].as_str().unwrap_or_default();
                (got != want).then(|| {
                    format!(
                        "{}:\n  html:     {:.300}\n  expected: {want:.600}\n  got:      {got:.600}",
                        entry["source"],
                        html.escape_debug()
                    )
                })
            })
            .collect()
    }

    #[wasm_bindgen_test]
    fn domparser_gives_the_native_blocks_for_every_corpus_body() {
        let golden: Value = serde_json::from_str(include_str!("fixtures/body-blocks.json"))
            .expect("the golden file is JSON");
        let count = golden.as_array().map_or(0, Vec::len);
        assert!(count > 300, "{count} bodies");
        let diff = differences(&golden, blocks);
        assert!(
            diff.is_empty(),
            "{} of {count} bodies differ:\n{}",
            diff.len(),
            diff.join("\n")
        );
    }
}
