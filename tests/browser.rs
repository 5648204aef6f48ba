//! Component tests in headless Chromium: mount `ArticleWidget` into the page
//! and assert on the DOM a reader would see.
#![cfg(target_arch = "wasm32")]

use article_widget::components::SKELETON_DELAY_MS;
use article_widget::config::{ItemRef, Layout};
use article_widget::hooks::use_after;
use article_widget::source::{self, cache, Policy};
use article_widget::{ArticleWidget, ArticleWidgetProps, WidgetState};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::{component, html, AttrValue, Callback, Html, Properties, Renderer};

mod common;

use common::{mount_point, until};

wasm_bindgen_test_configure!(run_in_browser);

/// Renders a widget that finds no copy kept by an earlier test.
fn render(props: ArticleWidgetProps) -> (Element, Rc<RefCell<Vec<String>>>) {
    forget_cache();
    render_keeping_cache(props)
}

fn forget_cache() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
}

fn render_keeping_cache(props: ArticleWidgetProps) -> (Element, Rc<RefCell<Vec<String>>>) {
    let root = mount_point();
    let states = Rc::new(RefCell::new(Vec::new()));
    let seen = states.clone();
    let props = ArticleWidgetProps {
        on_state: Callback::from(move |s: WidgetState| {
            seen.borrow_mut().push(s.as_str().to_owned())
        }),
        ..props
    };
    Renderer::<ArticleWidget>::with_root_and_props(root.clone(), props).render();
    (root, states)
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_seed_article_from_a_fixture_file() {
    let (root, states) = render(ArticleWidgetProps {
        src: Some("tests/fixtures/seed-feed.json".into()),
        layout: Some(Layout::Article),
        lang: Some("vi".into()),
        ..ArticleWidgetProps::default()
    });
    until(|| states.borrow().last().map(String::as_str) == Some("ready")).await;
    assert_eq!(states.borrow()[0], "loading");

    assert!(text(&root, "h2").starts_with("Lạng Sơn: Bảo vệ nền tảng tư tưởng của Đảng"));
    let time = root.query_selector("time").unwrap().unwrap();
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2021-06-25T11:15:00+07:00")
    );
    assert_eq!(
        time.text_content().unwrap(),
        "Thứ Sáu, 25/06/2021, 11:15 GMT+7"
    );
    let img = root.query_selector("figure img").unwrap().unwrap();
    assert_eq!(
        img.get_attribute("alt").as_deref(),
        Some("Các đại biểu dự Hội nghị")
    );
    assert!(img
        .get_attribute("src")
        .unwrap()
        .ends_with("/tests/fixtures/images/hoi-nghi.svg"));
    assert!(text(&root, "figcaption").contains("Các đại biểu dự Hội nghị"));
    assert_eq!(
        root.query_selector_all("[part=body] p").unwrap().length(),
        5
    );
    assert!(text(&root, "[part=byline]").ends_with("P.V"));
    assert_eq!(*states.borrow(), ["loading", "ready"]);
}

#[derive(Properties, PartialEq)]
struct WaitProps {
    active: bool,
}

/// What the widget does with `use_after` for its skeleton.
#[component]
fn Wait(WaitProps { active }: &WaitProps) -> Html {
    let due = use_after(SKELETON_DELAY_MS, *active);
    html! { if due { <p>{ "skeleton" }</p> } }
}

/// The skeleton's delay: a first render draws nothing (no timer can run
/// within it), the skeleton comes once the load has lasted, and goes with it.
#[wasm_bindgen_test]
async fn the_skeleton_is_drawn_only_once_a_load_takes_a_while() {
    let root = mount_point();
    let mut app =
        Renderer::<Wait>::with_root_and_props(root.clone(), WaitProps { active: true }).render();
    yew::scheduler::flush().await;
    assert_eq!(root.child_element_count(), 0, "nothing drawn at first");
    until(|| root.child_element_count() == 1).await;
    app.update(WaitProps { active: false });
    yew::scheduler::flush().await;
    assert_eq!(root.child_element_count(), 0, "gone with the load");
    app.update(WaitProps { active: true });
    yew::scheduler::flush().await;
    assert_eq!(root.child_element_count(), 0, "a new load waits again");
}

#[wasm_bindgen_test]
async fn english_dates_and_the_reader_time_zone_setting() {
    let (root, states) = render(ArticleWidgetProps {
        inline_json: Some(AttrValue::from(
            r#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","title":"T",
                "date_published":"2021-06-25T11:15:00+07:00"}]}"#,
        )),
        lang: Some("en-GB".into()),
        time_zone: article_widget::config::TimeZone::Named("UTC".into()),
        ..ArticleWidgetProps::default()
    });
    until(|| states.borrow().last().map(String::as_str) == Some("ready")).await;
    let time = text(&root, "time");
    assert!(
        time.starts_with("Friday") && time.contains("25 June 2021") && time.contains("04:15"),
        "{time}"
    );
    assert!(!time.contains("11:15"), "{time}");
}

#[wasm_bindgen_test]
async fn a_404_is_a_visible_error_with_a_retry_button() {
    let (root, states) = render(ArticleWidgetProps {
        src: Some("tests/fixtures/does-not-exist.json".into()),
        ..ArticleWidgetProps::default()
    });
    until(|| states.borrow().last().map(String::as_str) == Some("error")).await;
    let alert = root
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an alert");
    assert!(alert.text_content().unwrap().contains("HTTP 404"));
    let retry: HtmlElement = alert
        .query_selector("button")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    retry.click();
    until(|| states.borrow().len() >= 4).await;
    assert_eq!(*states.borrow(), ["loading", "error", "loading", "error"]);
}

#[wasm_bindgen_test]
async fn a_feed_without_items_is_the_empty_state() {
    let (root, states) = render(ArticleWidgetProps {
        inline_json: Some(r#"{"version":"https://jsonfeed.org/version/1.1","items":[]}"#.into()),
        lang: Some("vi".into()),
        ..ArticleWidgetProps::default()
    });
    until(|| states.borrow().last().map(String::as_str) == Some("empty")).await;
    assert_eq!(text(&root, "[role=status]"), "Chưa có bài viết nào.");
}

#[wasm_bindgen_test]
async fn lists_are_ordered_newest_first_and_limited() {
    let (root, states) = render(ArticleWidgetProps {
        src: Some("tests/fixtures/seed-feed.json".into()),
        limit: 3,
        heading_level: 3,
        ..ArticleWidgetProps::default()
    });
    until(|| states.borrow().last().map(String::as_str) == Some("ready")).await;
    let items = root.query_selector_all("ol > li").unwrap();
    assert_eq!(items.length(), 3);
    let first = root.query_selector("ol > li h3 a").unwrap().unwrap();
    assert!(first
        .text_content()
        .unwrap()
        .starts_with("Lạng Sơn: Bảo vệ"));
    assert_eq!(
        first.get_attribute("href").as_deref(),
        Some("https://news.example/lang-son/ban-chi-dao-35-so-ket-6-thang-dau-nam-2021")
    );
}

/// The first render, then the task after it, where a load reads the copy
/// kept from an earlier visit (the request for a fresh one is made later).
async fn next_task() {
    yew::scheduler::flush().await;
    gloo_timers::future::TimeoutFuture::new(0).await;
    yew::scheduler::flush().await;
}

fn last_state(states: &Rc<RefCell<Vec<String>>>) -> String {
    states.borrow().last().cloned().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_document_over_the_size_cap_is_an_error_that_says_so() {
    let (root, states) = render(ArticleWidgetProps {
        src: Some("tests/fixtures/seed-feed.json?cap".into()),
        policy: Policy {
            max_bytes: 1000,
            ..Policy::default()
        },
        ..ArticleWidgetProps::default()
    });
    until(|| last_state(&states) == "error").await;
    assert!(
        text(&root, "[role=alert]").contains("too large: more than 1000 bytes"),
        "{}",
        text(&root, "[role=alert]")
    );
}

#[wasm_bindgen_test]
async fn a_web_page_where_the_feed_should_be_is_named_as_such() {
    let (root, states) = render(ArticleWidgetProps {
        src: Some("tests/fixtures/login.html".into()),
        ..ArticleWidgetProps::default()
    });
    until(|| last_state(&states) == "error").await;
    assert!(text(&root, "[role=alert]").contains("returned a web page, not JSON"));
    assert_eq!(*states.borrow(), ["loading", "error"]);
}

#[wasm_bindgen_test]
async fn the_copy_kept_from_an_earlier_visit_shows_before_the_network_answers() {
    let src = "tests/fixtures/seed-feed.json?visit";
    let (_, states) = render(ArticleWidgetProps {
        src: Some(src.into()),
        ..ArticleWidgetProps::default()
    });
    until(|| last_state(&states) == "ready").await;
    // Kept in the task after the one that showed it.
    let url = source::request_url(src).unwrap();
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    until(|| cache::read(&Local(storage.clone()), &url, js_sys::Date::now() as u64).is_some())
        .await;

    let (root, states) = render_keeping_cache(ArticleWidgetProps {
        src: Some(src.into()),
        ..ArticleWidgetProps::default()
    });
    next_task().await;
    assert_eq!(
        root.query_selector_all("ol > li").unwrap().length(),
        4,
        "articles before any network answer"
    );
    assert_eq!(
        *states.borrow(),
        ["loading", "ready"],
        "no network answer yet"
    );
    // Revalidated: ready is announced again, nothing marked new.
    until(|| states.borrow().len() >= 3).await;
    assert_eq!(*states.borrow(), ["loading", "ready", "ready"]);
    assert!(root.query_selector("[data-new]").unwrap().is_none());
}

/// `localStorage` as the widget's cache sees it.
struct Local(web_sys::Storage);

impl cache::Store for Local {
    fn get(&self, key: &str) -> Option<String> {
        self.0.get_item(key).unwrap()
    }
    fn set(&self, key: &str, value: &str) -> bool {
        self.0.set_item(key, value).is_ok()
    }
    fn remove(&self, key: &str) {
        self.0.remove_item(key).unwrap();
    }
    fn keys(&self) -> Vec<String> {
        let n = self.0.length().unwrap();
        (0..n).filter_map(|i| self.0.key(i).unwrap()).collect()
    }
}

#[wasm_bindgen_test]
async fn articles_new_since_the_last_visit_are_marked() {
    forget_cache();
    let src = "tests/fixtures/paged-1.json?marks";
    let url = source::request_url(src).unwrap();
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let earlier = r#"{"version":"https://jsonfeed.org/version/1.1","items":[
        {"id":"p1","title":"Tin thứ nhất","date_published":"2026-11-26T10:00:00+07:00"},
        {"id":"gone","title":"Tin cũ","date_published":"2026-11-25T10:00:00+07:00"}]}"#;
    let entry = cache::Entry {
        etag: None,
        next_page: None,
        text: earlier.into(),
        saved_at: js_sys::Date::now() as u64,
    };
    cache::write(&Local(storage), &url, &entry);

    let (root, states) = render_keeping_cache(ArticleWidgetProps {
        src: Some(src.into()),
        lang: Some("vi".into()),
        limit: 5,
        ..ArticleWidgetProps::default()
    });
    next_task().await;
    assert!(
        text(&root, "ol").contains("Tin cũ"),
        "the earlier copy first"
    );
    until(|| states.borrow().len() >= 3).await;
    let marked: Vec<String> = (0..3)
        .map(|i| {
            let li = root.query_selector_all("ol > li").unwrap().get(i).unwrap();
            let li: Element = li.dyn_into().unwrap();
            let badge = li
                .query_selector(".aw-new")
                .unwrap()
                .map(|b| b.text_content().unwrap());
            format!("{}:{:?}", li.has_attribute("data-new"), badge)
        })
        .collect();
    assert_eq!(
        marked,
        ["false:None", "true:Some(\"Mới\")", "true:Some(\"Mới\")"]
    );
}

/// The headlines of a list, in order.
fn list_headlines(root: &Element) -> Vec<String> {
    let list = root.query_selector_all("ol > li h2").unwrap();
    (0..list.length())
        .map(|i| list.get(i).unwrap().text_content().unwrap())
        .collect()
}

/// The "Load more" button, if there is one.
fn more_button(root: &Element) -> Option<HtmlElement> {
    root.query_selector("button[part=more]")
        .unwrap()
        .map(|b| b.dyn_into().unwrap())
}

#[wasm_bindgen_test]
async fn load_more_shows_the_next_page_without_repeats_then_goes_away() {
    let (root, states) = render(ArticleWidgetProps {
        src: Some("tests/fixtures/paged-1.json".into()),
        limit: 2,
        lang: Some("en".into()),
        ..ArticleWidgetProps::default()
    });
    until(|| last_state(&states) == "ready").await;
    let headlines = || list_headlines(&root);
    assert_eq!(headlines(), ["Tin thứ nhất", "Tin thứ hai"]);
    let button = || more_button(&root);
    assert_eq!(
        button()
            .expect("a Load more button")
            .text_content()
            .unwrap(),
        "Load more"
    );
    button().unwrap().click();
    until(|| headlines().len() == 4).await;
    assert_eq!(
        headlines(),
        ["Tin thứ nhất", "Tin thứ hai", "Tin thứ ba", "Tin thứ tư"]
    );
    assert!(button().is_none(), "no next page, no button");
    assert_eq!(last_state(&states), "ready");
}

/// Seven articles in no order: one with nothing to show, two with the same id.
const SEVEN: &str = r#"{"version": "https://jsonfeed.org/version/1.1", "items": [
    {"id": "c", "title": "Third", "date_published": "2024-01-03T00:00:00Z"},
    {"id": "a", "title": "First", "date_published": "2024-01-05T00:00:00Z"},
    {"id": "empty", "date_published": "2024-01-09T00:00:00Z"},
    {"id": "e", "title": "Fifth", "date_published": "2024-01-01T00:00:00Z"},
    {"id": "b", "title": "Second", "date_published": "2024-01-04T00:00:00Z"},
    {"id": "b", "title": "Sixth, the same id", "date_published": "2023-12-01T00:00:00Z"},
    {"id": "d", "title": "Fourth", "date_published": "2024-01-02T00:00:00Z"}]}"#;

#[wasm_bindgen_test]
async fn load_more_reads_the_rest_of_a_document_before_it_fetches_a_page() {
    let (root, states) = render(ArticleWidgetProps {
        inline_json: Some(SEVEN.into()),
        limit: 2,
        lang: Some("en".into()),
        ..ArticleWidgetProps::default()
    });
    until(|| last_state(&states) == "ready").await;
    let headlines = || list_headlines(&root);
    let more = || more_button(&root);
    assert_eq!(headlines(), ["First", "Second"]);
    more().expect("a Load more button").click();
    until(|| headlines().len() == 4).await;
    more().expect("still more").click();
    until(|| headlines().len() == 6).await;
    assert_eq!(
        headlines(),
        [
            "First",
            "Second",
            "Third",
            "Fourth",
            "Fifth",
            "Sixth, the same id"
        ]
    );
    assert!(more().is_none(), "all shown, no next page: no button");
}

#[wasm_bindgen_test]
async fn an_article_named_by_index_or_id_comes_from_the_rest_of_a_document() {
    for (item, headline) in [
        (ItemRef::Index(4), "Fifth"),
        (ItemRef::Id("b~2".into()), "Sixth, the same id"),
        (ItemRef::Id("d".into()), "Fourth"),
    ] {
        let (root, states) = render(ArticleWidgetProps {
            inline_json: Some(SEVEN.into()),
            layout: Some(Layout::Article),
            item: Some(item),
            ..ArticleWidgetProps::default()
        });
        until(|| last_state(&states) == "ready").await;
        assert_eq!(text(&root, "h2"), headline);
    }
}

/// How many times the page has requested a URL ending in `suffix`.
fn requests(suffix: &str) -> usize {
    let entries = web_sys::window()
        .unwrap()
        .performance()
        .unwrap()
        .get_entries_by_type("resource");
    entries
        .iter()
        .filter(|e| {
            js_sys::Reflect::get(e, &"name".into())
                .unwrap()
                .as_string()
                .unwrap()
                .ends_with(suffix)
        })
        .count()
}

#[wasm_bindgen_test]
async fn a_new_refresh_interval_fetches_nothing_until_due_and_reload_fetches_now() {
    forget_cache();
    let suffix = "seed-feed.json?interval";
    let states = Rc::new(RefCell::new(Vec::new()));
    let seen = states.clone();
    let props = ArticleWidgetProps {
        src: Some(format!("tests/fixtures/{suffix}").into()),
        on_state: Callback::from(move |s: WidgetState| {
            seen.borrow_mut().push(s.as_str().to_owned())
        }),
        ..ArticleWidgetProps::default()
    };
    let mut app =
        Renderer::<ArticleWidget>::with_root_and_props(mount_point(), props.clone()).render();
    until(|| last_state(&states) == "ready").await;
    assert_eq!(requests(suffix), 1);

    app.update(ArticleWidgetProps {
        refresh: 60,
        ..props.clone()
    });
    for _ in 0..20 {
        yew::scheduler::flush().await;
    }
    let tick = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 300)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(tick).await.unwrap();
    assert_eq!(requests(suffix), 1, "no fetch for a new interval");

    app.update(ArticleWidgetProps {
        refresh: 60,
        reload: 1,
        ..props
    });
    until(|| requests(suffix) == 2).await;
    until(|| states.borrow().len() == 3).await;
    assert_eq!(*states.borrow(), ["loading", "ready", "ready"]);
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/early.js")]
extern "C" {
    #[wasm_bindgen(js_name = requestUrl)]
    fn early_request_url(src: &str, base: &str) -> Option<String>;
    #[wasm_bindgen(js_name = hasUsableCopy)]
    fn early_has_usable_copy(
        storage: &web_sys::Storage,
        shared: &wasm_bindgen::JsValue,
        url: &str,
        now: f64,
    ) -> bool;
    #[wasm_bindgen(js_name = dateLocales)]
    fn early_date_locales(root: &web_sys::Document, shared: &wasm_bindgen::JsValue) -> Vec<String>;
    #[wasm_bindgen(js_name = warmDates)]
    fn early_warm_dates(locales: Vec<String>) -> js_sys::Promise;
}

#[wasm_bindgen_test]
async fn the_entry_module_loads_the_date_data_of_the_languages_the_widgets_write() {
    let parse = |html: &str| {
        web_sys::DomParser::new()
            .unwrap()
            .parse_from_string(html, web_sys::SupportedType::TextHtml)
            .unwrap()
    };
    let shared = js_sys::Object::new();
    js_sys::Reflect::set(&shared, &"tag".into(), &"article-widget".into()).unwrap();
    let page = parse(
        r#"<html lang="vi"><body><article-widget></article-widget>
        <article-widget lang="en-GB"></article-widget><article-widget lang=" "></article-widget>
        <article-widget lang="en-GB"></article-widget><p lang="fr"></p></body></html>"#,
    );
    assert_eq!(early_date_locales(&page, &shared), ["vi", "en-GB"]);
    // No `lang` anywhere: the browser's language, as i18n::page_locale reads it.
    let bare = parse("<body><article-widget></article-widget></body>");
    let browser = web_sys::window().unwrap().navigator().language().unwrap();
    assert_eq!(early_date_locales(&bare, &shared), [browser]);
    // A tag the engine refuses is skipped, not thrown; the steps all run.
    let warmed = early_warm_dates(vec!["vi".into(), "not a tag!".into(), String::new()]);
    assert!(wasm_bindgen_futures::JsFuture::from(warmed).await.is_ok());
}

#[wasm_bindgen_test]
fn the_entry_module_requests_the_url_the_widget_requests() {
    let base = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .base_uri()
        .unwrap()
        .unwrap();
    for src in [
        "feed.json",
        " feed.json\n",
        "",
        " \t ",
        "\u{a0}feed.json",
        "\u{feff}feed.json",
        "feed.json\u{85}",
        "javascript:alert(1)",
        "data:application/json,{}",
        "file:///etc/passwd",
        "//cdn.example/f.json",
        "HTTPS://News.Example:443/a b\"<>'",
        "http://0x7f.1/",
        "https://news.example/%2e%2e/x",
        "?page=2",
        "#top",
        "https://bücher.example/feed",
        "http://[::1]/feed",
        "https://",
    ] {
        assert_eq!(
            source::request_url(src).ok(),
            early_request_url(src, &base),
            "{src:?}"
        );
    }
}

#[wasm_bindgen_test]
fn the_entry_module_sees_a_usable_cached_copy_where_the_widget_does() {
    use article_widget::contract::{CACHE_INDEX, CACHE_MAX_AGE_MS, CACHE_PREFIX};
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let shared = js_sys::Object::new();
    let set = |key: &str, value: wasm_bindgen::JsValue| {
        js_sys::Reflect::set(&shared, &key.into(), &value).unwrap();
    };
    set("cachePrefix", CACHE_PREFIX.into());
    set("cacheIndex", CACHE_INDEX.into());
    set("cacheMaxAgeMs", (CACHE_MAX_AGE_MS as f64).into());
    let url = "https://news.example/feed.json";
    let now: u64 = 1_800_000_000_000;
    let entry = "\"etag\"\n\n{\"items\": []}";
    let cases: [(&str, Option<String>, Option<&str>); 9] = [
        ("no copy", None, None),
        (
            "fresh",
            Some(format!("{} 10 {url}", now - 1_000)),
            Some(entry),
        ),
        (
            "a week old",
            Some(format!("{} 10 {url}", now - CACHE_MAX_AGE_MS)),
            Some(entry),
        ),
        (
            "over a week old",
            Some(format!("{} 10 {url}", now - CACHE_MAX_AGE_MS - 1)),
            Some(entry),
        ),
        (
            "from the future",
            Some(format!("{} 10 {url}", now + 60_000)),
            Some(entry),
        ),
        (
            "indexed, not stored",
            Some(format!("{} 10 {url}", now - 1_000)),
            None,
        ),
        (
            "stored, not indexed",
            Some(format!("{} 10 {url}-other", now - 1_000)),
            Some(entry),
        ),
        (
            "a malformed line first",
            Some(format!("x 10 {url}\n{} 10 {url}", now - 1_000)),
            Some(entry),
        ),
        (
            "a cut entry",
            Some(format!("{} 10 {url}", now - 1_000)),
            Some("\"etag\""),
        ),
    ];
    for (case, index, stored) in cases {
        forget_cache();
        if let Some(index) = &index {
            storage.set_item(CACHE_INDEX, index).unwrap();
        }
        if let Some(stored) = stored {
            storage
                .set_item(&format!("{CACHE_PREFIX}{url}"), stored)
                .unwrap();
        }
        let widget = cache::read(&Local(storage.clone()), url, now).is_some();
        let entry = early_has_usable_copy(&storage, &shared, url, now as f64);
        assert_eq!(widget, entry, "{case}");
    }
    forget_cache();
}
