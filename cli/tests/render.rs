//! `GET /v1/render` of `article-widget serve` over real sockets, against the
//! fault server as the upstream.

mod common;

use common::{get, get_at_once, get_with, good_then_stale, FaultServer, Service};
use sha2::{Digest, Sha256};

/// `/v1/render?src=…` for `src`, then `rest` (already `&name=value…`).
fn render_url(service: &Service, src: &str, rest: &str) -> String {
    let src: String = url::form_urlencoded::byte_serialize(src.as_bytes()).collect();
    format!("{}/v1/render?src={src}{rest}", service.origin)
}

/// The hashed stylesheet's name, as `tools/write-entry.sh` writes it to `dist/`.
fn stylesheet() -> String {
    let digest = Sha256::digest(article_widget::STYLESHEET.as_bytes());
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    format!("article-widget-{hex}.css")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_snippet_is_rendered_through_the_service_with_cors_an_etag_and_cache_headers() {
    let upstream = FaultServer::start().await;
    let service = Service::before(
        &upstream,
        &[
            "--max-age",
            "30",
            "--s-maxage",
            "600",
            "--assets",
            "https://cdn.example/aw/",
        ],
    );
    let src = format!("{}/feed?items=3&title=Tin&t=render", upstream.origin);
    let url = render_url(
        &service,
        &src,
        "&layout=list&limit=2&lang=vi&heading-level=3&target=_blank&id=latest",
    );

    let first = get(&url).await;
    assert_eq!(first.status, 200, "{}", first.body);
    assert_eq!(
        first.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(first.header("access-control-allow-origin"), Some("*"));
    assert_eq!(
        first.header("cache-control"),
        Some("public, max-age=30, s-maxage=600, stale-while-revalidate=60, stale-if-error=86400")
    );
    let etag = first.header("etag").expect("an ETag").to_owned();
    assert!(etag.starts_with('"') && !etag.starts_with("W/"), "{etag}");

    let html = &first.body;
    // The widget takes over through the service's own feed URL.
    let feed_url = service.feed_url(&src);
    assert!(
        html.starts_with(&format!(
            "<article-widget src=\"{feed_url}\" layout=\"list\" limit=\"2\" lang=\"vi\" \
             heading-level=\"3\" target=\"_blank\" id=\"latest\" data-prerendered>"
        )),
        "{html}"
    );
    assert!(
        html.contains("<template shadowrootmode=\"open\">"),
        "{html}"
    );
    assert!(
        html.contains(&format!(
            "<link rel=\"stylesheet\" href=\"https://cdn.example/aw/{}\">",
            stylesheet()
        )),
        "{html}"
    );
    assert!(html.contains("Tin f1") && html.contains("Tin f2"), "{html}");
    assert!(!html.contains("Tin f3"), "limit=2 shows two: {html}");
    assert!(html.contains("<h3"), "heading-level=3: {html}");
    assert!(!html.contains("<script"), "no data island with src: {html}");
    let feed = get(&feed_url).await;
    assert_eq!(
        feed.status, 200,
        "the snippet's src is served: {}",
        feed.body
    );

    let again = get_with(&reqwest::Client::new(), &url, &[("if-none-match", &etag)]).await;
    assert_eq!(again.status, 304);
    assert_eq!(again.header("etag"), Some(etag.as_str()));
    assert!(again.body.is_empty());
    assert_eq!(
        upstream.count("render").await,
        1,
        "the render, its 304 and the feed came from one upstream fetch"
    );

    let metrics = get(&format!("{}/metrics", service.origin)).await.body;
    assert!(
        metrics.contains(r#"article_widget_requests_total{route="/v1/render",status="200"} 1"#),
        "{metrics}"
    );
    assert!(
        metrics.contains(r#"article_widget_requests_total{route="/v1/render",status="304"} 1"#),
        "{metrics}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn island_1_embeds_the_feed_instead_of_pointing_at_the_service() {
    let upstream = FaultServer::start().await;
    let service = Service::before(&upstream, &[]);
    let src = format!("{}/feed?items=2&title=Tin&t=island", upstream.origin);
    let answer = get(&render_url(&service, &src, "&island=1&layout=cards")).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    let html = &answer.body;
    assert!(
        html.starts_with("<article-widget layout=\"cards\" data-prerendered>"),
        "{html}"
    );
    let island = html
        .split_once("<script type=\"application/json\">")
        .and_then(|(_, rest)| rest.split_once("</script>"))
        .map(|(island, _)| island)
        .expect("a data island");
    let feed = article_widget::formats::parse(island).expect("the widget reads the island");
    let headlines: Vec<_> = feed.items.iter().map(|a| a.headline.as_str()).collect();
    assert_eq!(headlines, ["Tin f1", "Tin f2"]);
    assert!(html.contains("Tin f1"), "{html}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_attributes_and_origins_are_refused_before_any_fetch() {
    let upstream = FaultServer::start().await;
    let service = Service::before(&upstream, &[]);
    let src = format!("{}/feed?t=refused", upstream.origin);
    for (rest, attribute) in [
        ("&limit=abc", "limit"),
        ("&theme=pink", "theme"),
        ("&onclick=alert(1)", "onclick"),
        ("&island=maybe", "island"),
    ] {
        let answer = get(&render_url(&service, &src, rest)).await;
        assert_eq!(answer.status, 400, "{rest}: {}", answer.body);
        assert_eq!(
            answer.header("content-type"),
            Some("application/problem+json")
        );
        assert_eq!(answer.problem(), "bad-request");
        let problem: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
        assert_eq!(problem["attribute"], attribute, "{rest}");
        assert_eq!(problem["src"], src.as_str(), "{rest}");
        assert!(
            problem["detail"].as_str().unwrap_or("").contains(attribute),
            "{}",
            answer.body
        );
    }
    // Another loopback origin, not on the allow-list.
    let elsewhere = format!("http://localhost:{}/feed?t=refused", upstream.port);
    let answer = get(&render_url(&service, &elsewhere, "")).await;
    assert_eq!(answer.status, 403, "{}", answer.body);
    assert_eq!(answer.problem(), "not-allowed");
    assert_eq!(upstream.count("refused").await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_snippet_good_once_is_served_when_its_upstream_fails() {
    let upstream = FaultServer::start().await;
    let service = Service::revalidating(&upstream);
    let src = format!("{}/once-then-500?t=stale-render", upstream.origin);
    let (good, _) = good_then_stale(&render_url(&service, &src, "&layout=list")).await;
    assert!(good.body.contains("data-prerendered"), "{}", good.body);
    assert_eq!(upstream.count("stale-render").await, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_cold_renders_make_one_upstream_request_and_one_snippet() {
    let upstream = FaultServer::start().await;
    let service = Service::before(&upstream, &[]);
    let src = format!(
        "{}/feed?delay=300&title=Tin&t=flight-render",
        upstream.origin
    );
    let url = render_url(&service, &src, "&layout=cards&limit=3");
    let answers = get_at_once(&url, 200).await;
    let first = &answers[0];
    assert!(first.body.contains("Tin f3"), "{}", first.body);
    assert!(answers.iter().all(|answer| answer.body == first.body));
    assert_eq!(upstream.count("flight-render").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_a_cdn_the_snippet_points_at_the_public_url() {
    let upstream = FaultServer::start().await;
    let service = Service::before(&upstream, &["--public-url", "https://feeds.example/"]);
    let src = format!("{}/feed?items=1&t=public", upstream.origin);
    let answer = get(&render_url(&service, &src, "")).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    let encoded: String = url::form_urlencoded::byte_serialize(src.as_bytes()).collect();
    assert!(
        answer.body.starts_with(&format!(
            "<article-widget src=\"https://feeds.example/v1/feed?src={encoded}\" data-prerendered>"
        )),
        "{}",
        answer.body
    );
    // Without --assets the link is relative to the page, as `render` writes it.
    assert!(
        answer.body.contains(&format!(
            "<link rel=\"stylesheet\" href=\"{}\">",
            stylesheet()
        )),
        "{}",
        answer.body
    );
}
