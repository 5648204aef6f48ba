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
async fn style_inline_carries_the_stylesheet_instead_of_linking_it() {
    let upstream = FaultServer::start().await;
    let service = Service::before(&upstream, &["--assets", "https://cdn.example/aw/"]);
    let src = format!("{}/feed?items=2&title=Tin&t=style", upstream.origin);
    let inline = get(&render_url(&service, &src, "&layout=list&style=inline")).await;
    assert_eq!(inline.status, 200, "{}", inline.body);
    let style = format!("<style>{}</style>", article_widget::STYLESHEET);
    assert!(inline.body.contains(&style), "{}", inline.body);
    assert!(!inline.body.contains("<link"), "{}", inline.body);
    assert!(inline.body.contains("Tin f1"), "{}", inline.body);
    // The same feed linked: a snippet of its own, not the inline one cached.
    let linked = get(&render_url(&service, &src, "&layout=list")).await;
    assert_eq!(linked.status, 200, "{}", linked.body);
    assert!(!linked.body.contains("<style"), "{}", linked.body);
    let href = format!(
        "<link rel=\"stylesheet\" href=\"https://cdn.example/aw/{}\">",
        stylesheet()
    );
    assert!(linked.body.contains(&href), "{}", linked.body);
    assert_ne!(inline.header("etag"), linked.header("etag"));
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
        ("&style=embedded", "style"),
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

/// `article-widget render URL`: the feed fetched over a real socket from a
/// server on this machine (allowed: the operator chose the URL), with the
/// service's limits. Self-contained: its own small HTTP server.
mod from_a_url {
    use std::io::{BufRead, BufReader, Write};
    use std::net::TcpListener;
    use std::process::Command;

    /// A feed whose links and image are relative.
    const FEED: &str = r#"{"version":"https://jsonfeed.org/version/1.1","title":"Local",
        "items":[{"id":"1","url":"story.html","title":"Fetched by URL","image":"img/a.png",
        "date_published":"2021-06-25T11:15:00+07:00","language":"vi","content_text":"Body"}]}"#;

    /// Serves each path until the test ends; returns the origin.
    fn server() -> String {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
        let origin = format!("http://{}", listener.local_addr().expect("an address"));
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let mut line = String::new();
                let mut reader = BufReader::new(&stream);
                if reader.read_line(&mut line).is_err() {
                    continue;
                }
                // The rest of the request head.
                let mut header = String::new();
                while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                    header.clear();
                }
                let path = line.split(' ').nth(1).unwrap_or("/").to_owned();
                let (status, kind, body) = match path.as_str() {
                    "/feeds/latest.json" => ("200 OK", "application/feed+json", FEED.to_owned()),
                    "/moved" => ("302 Found", "", String::new()),
                    "/loop" => ("302 Found", "", String::new()),
                    "/page" => ("200 OK", "text/html", "<!doctype html><p>login".to_owned()),
                    "/huge" => ("200 OK", "application/json", " ".repeat(6 * 1024 * 1024)),
                    _ => ("404 Not Found", "text/plain", "no".to_owned()),
                };
                let location = match path.as_str() {
                    "/moved" => "location: /feeds/latest.json\r\n",
                    "/loop" => "location: /loop\r\n",
                    _ => "",
                };
                let head = format!(
                    "HTTP/1.1 {status}\r\ncontent-type: {kind}\r\n{location}content-length: {}\r\nconnection: close\r\n\r\n",
                    body.len()
                );
                let mut stream = &stream;
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(body.as_bytes());
            }
        });
        origin
    }

    /// Runs `render` on `feed` with `args`: (success, stdout, stderr).
    fn render(feed: &str, args: &[&str]) -> (bool, String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_article-widget"))
            .arg("render")
            .arg(feed)
            .args(args)
            .output()
            .expect("the binary runs");
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    #[test]
    fn a_feed_url_is_fetched_and_its_relative_urls_resolve_against_where_it_was_found() {
        let origin = server();
        let (ok, html, err) = render(&format!("{origin}/moved"), &["layout=article", "lang=vi"]);
        assert!(ok, "{err}");
        assert!(
            html.starts_with("<article-widget layout=\"article\" lang=\"vi\" data-prerendered>"),
            "{html}"
        );
        assert!(html.contains("Fetched by URL"), "{html}");
        // After the redirect the feed is at /feeds/latest.json; the island
        // holds it with absolute URLs, so it reads the same on any page.
        assert!(
            html.contains(&format!(r#""url":"{origin}/feeds/story.html""#)),
            "{html}"
        );
        assert!(
            html.contains(&format!("src=\"{origin}/feeds/img/a.png\"")),
            "{html}"
        );
        // --base still wins over the URL.
        let (ok, html, err) = render(
            &format!("{origin}/feeds/latest.json"),
            &["layout=article", "--base", "https://news.example/x/"],
        );
        assert!(ok, "{err}");
        assert!(
            html.contains(r#"src="https://news.example/x/img/a.png""#)
                && html.contains(r#""url":"https://news.example/x/story.html""#),
            "{html}"
        );
    }

    #[test]
    fn help_says_urls_are_read_from_any_host_within_the_limits() {
        let (ok, help, _) = render("--help", &[]);
        assert!(ok);
        for words in ["http(s) URL", "5 redirects", "5 MB", "private network"] {
            assert!(help.contains(words), "{words}: {help}");
        }
    }

    #[test]
    fn the_service_limits_hold_for_a_feed_url() {
        let origin = server();
        for (path, words) in [
            ("/page", "returned a web page"),
            ("/huge", "too large: more than 5242880 bytes"),
            ("/loop", "redirected more than 5 times"),
            ("/gone", "answered HTTP 404"),
        ] {
            let (ok, html, err) = render(&format!("{origin}{path}"), &[]);
            assert!(!ok && html.is_empty(), "{path}: {html}");
            assert!(
                err.contains(&format!("cannot fetch {origin}{path}: ")) && err.contains(words),
                "{path}: {err}"
            );
        }
        let (ok, _, err) = render("ftp://127.0.0.1/feed.json", &[]);
        assert!(!ok && err.contains("cannot read ftp://"), "{err}");
    }
}
