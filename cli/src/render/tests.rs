//! Snippets read back the way a browser parses them.

use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::{Handle, NodeData, RcDom};
use serde_json::{json, Value};

use super::{render, stylesheet_name, Style};

#[path = "../../../tests/support/xss.rs"]
mod xss;

/// An element: its name, its attributes and the text directly inside it.
type Element = (String, Vec<(String, String)>, String);

/// Every element of `html`, template contents included, in document order.
fn elements(html: &str) -> Vec<Element> {
    let dom = html5ever::parse_document(RcDom::default(), Default::default()).one(html);
    let mut out = Vec::new();
    let mut stack: Vec<Handle> = vec![dom.document.clone()];
    while let Some(node) = stack.pop() {
        if let NodeData::Element {
            name,
            attrs,
            template_contents,
            ..
        } = &node.data
        {
            let attributes = attrs
                .borrow()
                .iter()
                .map(|a| (a.name.local.to_string(), a.value.to_string()))
                .collect();
            out.push((name.local.to_string(), attributes, text(&node)));
            if let Some(contents) = template_contents.borrow().as_ref() {
                stack.push(contents.clone());
            }
        }
        stack.extend(node.children.borrow().iter().rev().cloned());
    }
    out
}

fn text(node: &Handle) -> String {
    node.children
        .borrow()
        .iter()
        .filter_map(|child| match &child.data {
            NodeData::Text { contents } => Some(contents.borrow().to_string()),
            _ => None,
        })
        .collect()
}

fn attributes(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect()
}

#[test]
fn a_list_snippet_holds_the_articles_the_stylesheet_and_the_feed() {
    let text = std::fs::read_to_string("../sample/feed.json").unwrap();
    let html = render(
        &text,
        &attributes(&[("layout", "list"), ("limit", "2"), ("lang", "vi")]),
        Some("https://news.example/"),
        "/assets/",
        Style::Link,
    )
    .unwrap();
    assert!(html.starts_with(
        "<article-widget layout=\"list\" limit=\"2\" lang=\"vi\" data-prerendered><template shadowrootmode=\"open\">"
    ));
    let all = elements(&html);
    let link = all.iter().find(|(n, _, _)| n == "link").unwrap();
    assert!(link
        .1
        .contains(&("href".into(), format!("/assets/{}", stylesheet_name()))));
    let headlines: Vec<_> = all
        .iter()
        .filter(|(n, a, _)| n == "a" && a.iter().any(|(k, _)| k == "href"))
        .map(|(_, _, t)| t.as_str())
        .collect();
    assert_eq!(headlines.len(), 2);
    assert!(headlines[0].starts_with("Lạng Sơn: Bảo vệ nền tảng"));
    let datelines: Vec<_> = all.iter().filter(|(n, _, _)| n == "time").collect();
    // `lang` and the source offset are known: written as `Intl` will write it.
    assert_eq!(datelines[0].2, "Thứ Sáu, 25/06/2021, 11:15 GMT+7");
    assert!(datelines[0].1.iter().all(|(k, _)| k != "data-reader"));
    let island = all.iter().find(|(n, _, _)| n == "script").unwrap();
    let embedded: Value = serde_json::from_str(&island.2).unwrap();
    assert_eq!(embedded, serde_json::from_str::<Value>(&text).unwrap());
}

#[test]
fn with_src_the_widget_fetches_and_there_is_no_island() {
    let text = std::fs::read_to_string("../sample/feed.json").unwrap();
    let html = render(
        &text,
        &attributes(&[
            ("src", "https://news.example/feed.json"),
            ("layout", "article"),
        ]),
        None,
        "",
        Style::Link,
    )
    .unwrap();
    let all = elements(&html);
    assert!(!all.iter().any(|(n, _, _)| n == "script"));
    // Relative image URLs resolved against the absolute `src`.
    assert!(all.iter().any(|(n, a, _)| n == "img"
        && a.contains(&(
            "src".into(),
            "https://news.example/images/hoi-nghi.svg".into()
        ))));
}

#[test]
fn an_inline_snippet_carries_the_stylesheet_and_the_same_articles() {
    let text = std::fs::read_to_string("../sample/feed.json").unwrap();
    let attrs = attributes(&[("layout", "list"), ("limit", "2"), ("lang", "vi")]);
    let snippet = |style| render(&text, &attrs, Some("https://news.example/"), "/a/", style);
    let (linked, inline) = (
        snippet(Style::Link).unwrap(),
        snippet(Style::Inline).unwrap(),
    );
    let all = elements(&inline);
    assert!(!all.iter().any(|(n, _, _)| n == "link"));
    // Read back as a browser's parser reads it: one <style>, inside the
    // shadow root's template, whose text is the whole stylesheet (the text
    // the CSP hash is over).
    let styles: Vec<_> = all.iter().filter(|(n, _, _)| n == "style").collect();
    assert_eq!(styles.len(), 1);
    assert_eq!(styles[0].2, article_widget::STYLESHEET);
    let template = all.iter().position(|(n, _, _)| n == "template").unwrap();
    let style = all.iter().position(|(n, _, _)| n == "style").unwrap();
    assert!(style > template);
    // Everything else is the linked snippet's.
    let rest = |all: Vec<Element>| -> Vec<Element> {
        all.into_iter()
            .filter(|(n, _, _)| n != "link" && n != "style")
            .collect()
    };
    assert_eq!(rest(all), rest(elements(&linked)));
}

fn payloads(file: &str) -> Vec<String> {
    xss::payloads(&std::fs::read_to_string(format!("../tests/fixtures/xss/{file}")).unwrap())
}

/// One feed item with `payload` in every text field a snippet shows.
fn hostile_item(i: usize, payload: &str) -> Value {
    json!({
        "id": format!("x{i}"),
        "url": format!("https://news.example/{i}"),
        "title": payload,
        "summary": payload,
        "content_html": payload,
        "date_published": "2021-06-25T11:15:00+07:00",
        "image": "https://news.example/i.jpg",
        "authors": [{ "name": payload }],
        "_article_widget": { "image": { "alt": payload, "caption": payload, "credit": payload } },
    })
}

#[test]
fn no_corpus_vector_leaves_script_handlers_or_javascript_urls() {
    let mut payloads = payloads("dompurify-vectors.json");
    payloads.extend(payloads_of_ammonia());
    assert_eq!(payloads.len(), 223 + 57);
    let feed_of = |items: Vec<Value>| json!({ "version": "https://jsonfeed.org/version/1.1", "title": "x", "items": items });
    // One article snippet per vector, and lists of 100 of them.
    let mut feeds: Vec<(Value, &str)> = payloads
        .iter()
        .enumerate()
        .map(|(i, p)| (feed_of(vec![hostile_item(i, p)]), "article"))
        .collect();
    for (chunk, group) in payloads.chunks(100).enumerate() {
        let items = group
            .iter()
            .enumerate()
            .map(|(i, p)| hostile_item(chunk * 100 + i, p))
            .collect();
        feeds.push((feed_of(items), "list"));
    }
    let mut snippets = Vec::new();
    for (feed, layout) in &feeds {
        let text = serde_json::to_string_pretty(feed).unwrap();
        let html = render(
            &text,
            &attributes(&[("layout", layout), ("limit", "100")]),
            None,
            "",
            Style::Link,
        );
        snippets.push((feed, html));
    }
    for (i, (feed, snippet)) in snippets.into_iter().enumerate() {
        let html = snippet.unwrap();
        let all = elements(&html);
        let scripts: Vec<_> = all.iter().filter(|(n, _, _)| n == "script").collect();
        assert_eq!(scripts.len(), 1, "snippet {i}");
        assert_eq!(
            scripts[0].1,
            [("type".to_owned(), "application/json".to_owned())]
        );
        let island: Value = serde_json::from_str(&scripts[0].2).expect("the island is whole");
        assert_eq!(&island, feed, "snippet {i}");
        for (name, attrs, _) in &all {
            assert!(
                !matches!(
                    name.as_str(),
                    "iframe" | "object" | "embed" | "svg" | "math" | "style" | "form" | "base"
                ),
                "<{name}> in snippet {i}"
            );
            for (attr, value) in attrs {
                assert!(
                    !attr.starts_with("on") && attr != "style" && attr != "srcdoc",
                    "{attr} on <{name}> in snippet {i}"
                );
                if matches!(attr.as_str(), "href" | "src" | "action" | "xlink:href") {
                    let scheme = value.trim().to_ascii_lowercase();
                    assert!(
                        scheme.starts_with("https:")
                            || scheme.starts_with("http:")
                            || scheme.starts_with("mailto:")
                            || (name == "link" && scheme == stylesheet_name()),
                        "{attr}={value:?} on <{name}> in snippet {i}"
                    );
                }
            }
        }
    }
}

fn payloads_of_ammonia() -> Vec<String> {
    payloads("ammonia-payloads.json")
}

#[test]
fn attributes_are_the_elements_or_global_ones() {
    let args = |list: &[&str]| {
        super::attributes(&list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>())
    };
    assert_eq!(
        args(&["id=w1", "LAYOUT=list", "data-x=1", "aria-label=Tin"]).unwrap(),
        attributes(&[
            ("id", "w1"),
            ("layout", "list"),
            ("data-x", "1"),
            ("aria-label", "Tin")
        ])
    );
    for bad in [
        "onclick=alert(1)",
        "style=x",
        "data-state=ready",
        "data-=x",
        "data-a\"b=1",
        "layout",
    ] {
        assert!(args(&[bad]).is_err(), "{bad}");
    }
}

#[test]
fn what_the_server_cannot_know_is_neutral_and_marked() {
    let text = std::fs::read_to_string("../sample/feed.json").unwrap();
    for (name, value) in [
        ("time-zone", "local"),
        ("time-zone", "Asia/Ho_Chi_Minh"),
        ("lang", "fr"),
    ] {
        let html = render(
            &text,
            &attributes(&[("layout", "article"), ("item", "0"), (name, value)]),
            Some("https://news.example/"),
            "",
            Style::Link,
        )
        .unwrap();
        let all = elements(&html);
        let time = all.iter().find(|(n, _, _)| n == "time").unwrap();
        assert_eq!(time.2, "2021-06-25 11:15 GMT+7", "{name}={value}");
        assert!(
            time.1.iter().any(|(k, _)| k == "data-reader"),
            "{name}={value}"
        );
    }
}
