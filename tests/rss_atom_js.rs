//! RSS and Atom through `formats::parse_js` (the browser's `DOMParser`, as
//! the widget parses): the same feed for every fixture as `roxmltree` gives
//! natively (recorded in `tests/fixtures/rss-atom/expected.txt` by
//! `tests/rss_atom.rs`), and format errors for malformed XML, entity bombs
//! and HTML pages.
#![cfg(target_arch = "wasm32")]

mod common;

use article_widget::formats::{parse_js, FormatError};
use article_widget::model::Feed;
use article_widget::{ArticleWidget, ArticleWidgetProps, WidgetState};
use common::{mount_point, until};
use gloo_net::http::Request;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{DomParser, HtmlElement, SupportedType};
use yew::{Callback, Renderer};

wasm_bindgen_test_configure!(run_in_browser);

const DIR: &str = "tests/fixtures/rss-atom";
const EXPECTED: &str = include_str!("fixtures/rss-atom/expected.txt");

async fn fetch(relative: &str) -> String {
    let response = Request::get(&format!("{DIR}/{relative}"))
        .send()
        .await
        .unwrap();
    assert!(response.ok(), "{relative}: HTTP {}", response.status());
    response.text().await.unwrap()
}

/// As `tests/rss_atom.rs` records it: parse errors by kind only.
fn outcome(result: &Result<Feed, FormatError>) -> String {
    match result {
        Ok(feed) => format!("{feed:?}"),
        Err(FormatError::InvalidXml { .. }) => "InvalidXml".to_owned(),
        Err(other) => format!("{other:?}"),
    }
}

#[wasm_bindgen_test]
async fn dom_parser_and_roxmltree_read_every_fixture_alike() {
    let mut differences = Vec::new();
    let mut count = 0;
    for line in EXPECTED.lines() {
        let (file, expected) = line.split_once('\t').unwrap();
        let got = outcome(&parse_js(&fetch(file).await));
        if got != expected {
            differences.push(format!(
                "{file}:\n  DOMParser {got}\n  roxmltree {expected}"
            ));
        }
        count += 1;
    }
    assert!(count > 500, "{count}");
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

#[wasm_bindgen_test]
async fn the_samples_read_alike_too() {
    for (path, text) in [
        ("sample/rss.xml", include_str!("../sample/rss.xml")),
        ("sample/atom.xml", include_str!("../sample/atom.xml")),
    ] {
        let feed = parse_js(text).unwrap_or_else(|e| panic!("{path}: {e}"));
        let seed = &feed.items[0];
        assert!(
            seed.headline.starts_with("Lạng Sơn: Bảo vệ nền tảng"),
            "{path}"
        );
        assert_eq!(
            seed.published.unwrap().to_string(),
            "2021-06-25T11:15:00+07:00"
        );
        assert_eq!(seed.authors, ["P.V"]);
        let caption = seed.image.as_ref().and_then(|i| i.caption.as_deref());
        assert_eq!(caption, Some("Các đại biểu dự Hội nghị"), "{path}");
    }
}

#[wasm_bindgen_test]
async fn billion_laughs_is_a_format_error_and_domparser_refuses_it_too() {
    let text = fetch("billion-laughs.xml").await;
    assert!(matches!(
        parse_js(&text),
        Err(FormatError::XmlEntities {
            line: 4,
            column: 3,
            ..
        })
    ));
    // Without the widget's own check, the browser's parser does not expand
    // it either: Chromium reports a parse error, Firefox leaves the entities
    // unexpanded. Either way, not a gigabyte of "lol".
    let document = DomParser::new()
        .unwrap()
        .parse_from_string(&text, SupportedType::ApplicationXml)
        .unwrap();
    let errors = document
        .get_elements_by_tag_name_ns(Some("http://www.w3.org/1999/xhtml"), "parsererror")
        .unwrap()
        .length();
    let size = document
        .document_element()
        .and_then(|e| e.text_content())
        .map_or(0, |t| t.len());
    assert!(
        size < 1 << 16,
        "{errors} parse errors, {size} bytes of text"
    );
}

#[wasm_bindgen_test]
async fn malformed_xml_says_where_and_an_html_page_says_what_it_is() {
    let err = parse_js(&fetch("malformed.xml").await).unwrap_err();
    let FormatError::InvalidXml { line, message, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(*line, 6, "{message}");
    assert!(err.to_string().contains("line 6"), "{err}");
    assert_eq!(
        parse_js(&fetch("html-page.xml").await),
        Err(FormatError::WebPage)
    );
    assert_eq!(
        parse_js("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>"),
        Err(FormatError::WebPage)
    );
}

#[wasm_bindgen_test]
async fn load_more_follows_atom_link_rel_next() {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    let root = mount_point();
    let states = Rc::new(RefCell::new(Vec::<String>::new()));
    let seen = states.clone();
    let props = ArticleWidgetProps {
        src: Some(format!("{DIR}/paged-1.xml").into()),
        limit: 2,
        lang: Some("en".into()),
        on_state: Callback::from(move |s: WidgetState| {
            seen.borrow_mut().push(s.as_str().to_owned())
        }),
        ..ArticleWidgetProps::default()
    };
    Renderer::<ArticleWidget>::with_root_and_props(root.clone(), props).render();
    until(|| states.borrow().last().map(String::as_str) == Some("ready")).await;
    let headlines = || {
        let list = root.query_selector_all("ol > li h2").unwrap();
        (0..list.length())
            .map(|i| list.get(i).unwrap().text_content().unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(headlines(), ["Tin thứ nhất", "Tin thứ hai"]);
    let button = || -> Option<HtmlElement> {
        root.query_selector("button[part=more]")
            .unwrap()
            .map(|b| b.dyn_into().unwrap())
    };
    button().expect("a Load more button").click();
    until(|| headlines().len() == 4).await;
    assert_eq!(
        headlines(),
        ["Tin thứ nhất", "Tin thứ hai", "Tin thứ ba", "Tin thứ tư"]
    );
    assert!(button().is_none(), "no next page, no button");
}
