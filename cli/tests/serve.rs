//! `article-widget serve` over real sockets, against the fault server.

mod common;

use std::time::{Duration, Instant};

use common::{get, get_at_once, get_with, good_then_stale, FaultServer, Service};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_feed_is_normalised_with_cors_an_etag_and_cache_headers() {
    let upstream = FaultServer::start().await;
    let service = Service::before(&upstream, &["--max-age", "30", "--s-maxage", "600"]);
    let url = service.feed_url(&format!("{}/feed?items=3&title=Tin&t=ok", upstream.origin));

    let first = get(&url).await;
    assert_eq!(first.status, 200, "{}", first.body);
    assert_eq!(
        first.header("content-type"),
        Some("application/feed+json; charset=utf-8")
    );
    assert_eq!(first.header("access-control-allow-origin"), Some("*"));
    assert_eq!(
        first.header("cache-control"),
        Some("public, max-age=30, s-maxage=600, stale-while-revalidate=60, stale-if-error=86400")
    );
    assert_eq!(first.header("age"), Some("0"));
    let etag = first.header("etag").expect("an ETag").to_owned();
    assert!(etag.starts_with('"') && !etag.starts_with("W/"), "{etag}");
    let feed = article_widget::formats::parse(&first.body).expect("the widget reads it");
    let headlines: Vec<_> = feed.items.iter().map(|a| a.headline.as_str()).collect();
    assert_eq!(headlines, ["Tin f1", "Tin f2", "Tin f3"]);
    assert_eq!(
        feed.items[0].published.map(|t| t.to_string()).as_deref(),
        Some("2026-11-26T23:00:00+07:00")
    );

    let again = get_with(&reqwest::Client::new(), &url, &[("if-none-match", &etag)]).await;
    assert_eq!(again.status, 304);
    assert_eq!(again.header("etag"), Some(etag.as_str()));
    assert!(again.body.is_empty());
    assert_eq!(
        upstream.count("ok").await,
        1,
        "the second answer came from memory"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cors_preflights_allow_conditional_requests_from_any_origin() {
    let upstream = FaultServer::start().await;
    let service = Service::before(&upstream, &[]);
    let response = reqwest::Client::new()
        .request(reqwest::Method::OPTIONS, service.feed_url("http://x/"))
        .header("origin", "https://partner.example")
        .header("access-control-request-method", "GET")
        .header("access-control-request-headers", "if-none-match")
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success());
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    assert_eq!(header("access-control-allow-origin"), "*");
    assert!(header("access-control-allow-headers").contains("if-none-match"));
    assert!(header("access-control-allow-methods").contains("get"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_upstream_fault_gets_its_problem_status_within_the_timeout() {
    let upstream = FaultServer::start().await;
    let o = &upstream.origin;
    let metadata = "http://169.254.169.254";
    let service = Service::before(&upstream, &["--allow", metadata]);
    let cases = [
        ("/404", 502, "upstream-status"),
        ("/always-500", 502, "upstream-status"),
        ("/hang", 504, "timeout"),
        ("/drip?ms=50", 504, "timeout"),
        ("/truncated", 502, "network"),
        ("/html", 422, "format"),
        ("/empty", 422, "format"),
        ("/huge", 502, "too-large"),
        ("/huge-declared", 502, "too-large"),
        ("/redirect-loop", 502, "too-many-redirects"),
        // Another loopback origin, not on the allow-list.
        (
            &format!("/redirect-to?url=http://localhost:{}/feed", upstream.port),
            403,
            "not-allowed",
        ),
        // On the allow-list, but link-local: refused at the redirect.
        (
            &format!("/redirect-to?url={metadata}/latest/meta-data/"),
            403,
            "forbidden-address",
        ),
    ]
    .map(|(path, status, problem)| (format!("{o}{path}"), status, problem));
    let answers = futures::future::join_all(
        cases
            .iter()
            .map(|(src, _, _)| async { get(&service.feed_url(src)).await }),
    )
    .await;
    for ((src, status, problem), answer) in cases.iter().zip(answers) {
        assert_eq!(answer.status, *status, "{src}: {}", answer.body);
        assert_eq!(answer.problem(), *problem, "{src}: {}", answer.body);
        assert_eq!(
            answer.header("content-type"),
            Some("application/problem+json")
        );
        assert_eq!(answer.header("access-control-allow-origin"), Some("*"));
        assert!(
            answer.took < Duration::from_millis(3500),
            "{src}: {:?}",
            answer.took
        );
    }
    let problem: serde_json::Value =
        serde_json::from_str(&get(&service.feed_url(&format!("{o}/404"))).await.body).unwrap();
    assert_eq!(problem["upstream_status"], 404);
    assert_eq!(problem["kind"], "http");
    assert_eq!(problem["status"], 502);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_feed_good_once_is_served_from_memory_when_its_upstream_fails() {
    let upstream = FaultServer::start().await;
    let service = Service::revalidating(&upstream);
    let url = service.feed_url(&format!("{}/once-then-500?t=stale", upstream.origin));
    good_then_stale(&url).await;
    assert_eq!(upstream.count("stale").await, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_copy_is_revalidated_with_its_etag() {
    let upstream = FaultServer::start().await;
    let service = Service::revalidating(&upstream);
    let url = service.feed_url(&format!("{}/etag?t=revalidate", upstream.origin));
    let first = get(&url).await;
    let second = get(&url).await;
    assert_eq!((first.status, second.status), (200, 200));
    assert_eq!(second.body, first.body);
    assert_eq!(second.header("x-article-widget-stale"), None);
    let log = upstream.log("revalidate").await;
    let sent: Vec<_> = log.iter().map(|r| r["ifNoneMatch"].clone()).collect();
    assert_eq!(sent, [serde_json::Value::Null, "\"v1\"".into()]);
    let metrics = get(&format!("{}/metrics", service.origin)).await.body;
    assert!(
        metrics.contains(r#"article_widget_upstream_fetches_total{result="not_modified"} 1"#),
        "{metrics}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_copy_is_served_at_once_while_a_new_one_is_fetched() {
    let upstream = FaultServer::start().await;
    let service = Service::before(
        &upstream,
        &["--max-age", "0", "--stale-while-revalidate", "60"],
    );
    // Each request to /growing lists one more article.
    let url = service.feed_url(&format!("{}/growing?t=swr", upstream.origin));
    let items = |body: &str| {
        article_widget::formats::parse(body)
            .map(|f| f.items.len())
            .unwrap_or(0)
    };
    assert_eq!(items(&get(&url).await.body), 2);
    // Expired: the old copy now, the new one fetched behind it.
    assert_eq!(items(&get(&url).await.body), 2);
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let answer = get(&url).await;
        if items(&answer.body) == 3 {
            break;
        }
        assert!(Instant::now() < deadline, "the new copy arrives");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_service_is_not_an_open_proxy() {
    let upstream = FaultServer::start().await;
    let port = upstream.port;
    let allowed = [
        upstream.origin.clone(),
        format!("http://localhost:{port}"),
        format!("http://[::1]:{port}"),
    ];
    let mut args = Vec::new();
    for origin in &allowed {
        args.extend(["--allow", origin.as_str()]);
    }
    // No --allow-loopback: every spelling of this machine is refused.
    let service = Service::start(&args);
    let cases = [
        ("file:///etc/passwd".to_owned(), 400, "bad-request"),
        (
            format!("gopher://127.0.0.1:{port}/feed"),
            400,
            "bad-request",
        ),
        ("/feed".to_owned(), 400, "bad-request"),
        (
            "https://elsewhere.example/feed.json".to_owned(),
            403,
            "not-allowed",
        ),
        (
            format!("http://127.0.0.1:{}/feed", port + 1),
            403,
            "not-allowed",
        ),
        (
            format!("http://127.0.0.1:{port}/feed?t=refused"),
            403,
            "forbidden-address",
        ),
        (
            format!("http://[::1]:{port}/feed?t=refused"),
            403,
            "forbidden-address",
        ),
        (
            format!("http://2130706433:{port}/feed?t=refused"),
            403,
            "forbidden-address",
        ),
        (
            format!("http://0x7f.1:{port}/feed?t=refused"),
            403,
            "forbidden-address",
        ),
        (
            format!("http://localhost:{port}/feed?t=refused"),
            403,
            "forbidden-address",
        ),
    ];
    for (src, status, problem) in &cases {
        let answer = get(&service.feed_url(src)).await;
        assert_eq!(answer.status, *status, "{src}: {}", answer.body);
        assert_eq!(answer.problem(), *problem, "{src}: {}", answer.body);
    }
    let missing = get(&format!("{}/v1/feed", service.origin)).await;
    assert_eq!(
        (missing.status, missing.problem().as_str()),
        (400, "bad-request")
    );
    assert_eq!(
        upstream.count("refused").await,
        0,
        "nothing reached the upstream"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn origins_come_from_flags_the_environment_or_a_file_and_one_is_required() {
    let upstream = FaultServer::start().await;
    let src = format!("{}/feed?t=origins", upstream.origin);
    let file = std::env::temp_dir().join(format!("aw-allow-{}", upstream.port));
    std::fs::write(
        &file,
        format!("# partners\n{}  # the fault server\n", upstream.origin),
    )
    .unwrap();
    let file_text = file.to_string_lossy().into_owned();
    let from_file = Service::start(&["--allow-file", &file_text, "--allow-loopback"]);
    let from_env = Service::start_with_env(
        &["--allow-loopback"],
        &[(
            "ARTICLE_WIDGET_ALLOW",
            &format!("https://a.example,{}", upstream.origin),
        )],
    );
    for service in [&from_file, &from_env] {
        let answer = get(&service.feed_url(&src)).await;
        assert_eq!(answer.status, 200, "{}", answer.body);
    }
    let _ = std::fs::remove_file(&file);

    let refused = std::process::Command::new(env!("CARGO_BIN_EXE_article-widget"))
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env_remove("ARTICLE_WIDGET_ALLOW")
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("no origin is allowed"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_thousand_cold_requests_make_one_upstream_request() {
    let upstream = FaultServer::start().await;
    let service = Service::before(&upstream, &[]);
    let url = service.feed_url(&format!("{}/feed?delay=500&t=flight", upstream.origin));
    get_at_once(&url, 1000).await;
    assert_eq!(upstream.count("flight").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn next_pages_go_through_the_service_too() {
    let upstream = FaultServer::start().await;
    let service = Service::before(&upstream, &[]);
    let first = get(&service.feed_url(&format!("{}/paged?t=pages", upstream.origin))).await;
    assert_eq!(first.status, 200, "{}", first.body);
    let doc: serde_json::Value = serde_json::from_str(&first.body).unwrap();
    let next = doc["next_url"].as_str().expect("a next page");
    assert!(
        next.starts_with("feed?src=http%3A%2F%2F127.0.0.1%3A"),
        "{next}"
    );
    // Relative to the answer's URL, as the widget resolves it.
    let next = format!("{}/v1/{next}", service.origin);
    let second = get(&next).await;
    assert_eq!(second.status, 200, "{}", second.body);
    let feed = article_widget::formats::parse(&second.body).unwrap();
    assert_eq!(feed.items[0].id, "p3");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_and_metrics_tell_what_happened() {
    let upstream = FaultServer::start().await;
    let service = Service::before(&upstream, &[]);
    let health = get(&format!("{}/healthz", service.origin)).await;
    assert_eq!((health.status, health.body.as_str()), (200, "ok\n"));
    let url = service.feed_url(&format!("{}/feed?t=metrics", upstream.origin));
    assert_eq!(get(&url).await.status, 200);
    assert_eq!(get(&url).await.status, 200);
    assert_eq!(
        get(&service.feed_url(&format!("{}/404", upstream.origin)))
            .await
            .status,
        502
    );
    let metrics = get(&format!("{}/metrics", service.origin)).await;
    assert_eq!(metrics.status, 200);
    for line in [
        r#"article_widget_requests_total{route="/v1/feed",status="200"} 2"#,
        r#"article_widget_requests_total{route="/v1/feed",status="502"} 1"#,
        r#"article_widget_requests_total{route="/healthz",status="200"} 1"#,
        r#"article_widget_upstream_fetches_total{result="ok"} 1"#,
        r#"article_widget_upstream_fetches_total{result="upstream-status"} 1"#,
        r#"article_widget_cache_lookups_total{result="hit"} 1"#,
        r#"article_widget_cache_lookups_total{result="miss"} 2"#,
        r#"article_widget_request_duration_seconds_count{route="/v1/feed"} 3"#,
    ] {
        assert!(metrics.body.contains(line), "{line} in\n{}", metrics.body);
    }
    assert!(metrics.body.contains("article_widget_cache_bytes "));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_lets_the_request_in_flight_finish() {
    let upstream = FaultServer::start().await;
    let mut service = Service::before(&upstream, &[]);
    let url = service.feed_url(&format!("{}/feed?delay=700&t=term", upstream.origin));
    let request = tokio::spawn(async move { get(&url).await });
    while upstream.count("term").await == 0 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let started = Instant::now();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &service.pid().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let answer = request.await.unwrap();
    assert_eq!(answer.status, 200, "{}", answer.body);
    let exit = service.wait_exit(Duration::from_secs(5)).expect("it stops");
    assert!(exit.success(), "{exit:?}");
    assert!(started.elapsed() < Duration::from_secs(5));
}
