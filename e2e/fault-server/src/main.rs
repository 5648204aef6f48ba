//! A feed server that misbehaves on purpose, for the end-to-end tests: every
//! way a partner's feed can fail, one route each, on 127.0.0.1.
//!
//!   fault-server [PORT]          (default 4180; `FAULT_PORT` also works)
//!
//! Every route answers with CORS headers for any origin (exposing `ETag`,
//! `Retry-After`, `Link` and `X-WP-TotalPages`, and allowing `If-None-Match`
//! in preflights), except `/cors-refused`. The query parameter `t` names a
//! test: requests (preflights included) are counted per `t` (else per path),
//! and `/_log?t=…` lists them as JSON, so a test can check how many were
//! made, when, with which `If-None-Match`, and how many body bytes were sent.
//!
//! | route | answer |
//! | --- | --- |
//! | `/feed?items=N&delay=MS&title=…` | a JSON Feed, after `delay` ms |
//! | `/404` | 404 |
//! | `/flaky` | 500 the first time, then the feed |
//! | `/always-500?retry=S` | 500, every time (503 with `Retry-After: S` when given) |
//! | `/rate-limited` | 429 with `Retry-After: 1` the first time, then the feed |
//! | `/hang` | nothing, ever (the connection stays open) |
//! | `/drip?ms=N` | the feed, one byte every `N` ms (default 20) |
//! | `/truncated` | `Content-Length` larger than the body, then the connection closes |
//! | `/html` | a login page as `text/html` |
//! | `/huge` | 40 MB of JSON-ish bytes, streamed, no `Content-Length` |
//! | `/huge-declared` | the same with `Content-Length: 41943040` |
//! | `/empty` | 200 with an empty body |
//! | `/cors-refused` | the feed, without `Access-Control-Allow-Origin` |
//! | `/redirect-loop` | 302 to itself |
//! | `/etag` | the feed with `ETag: "v1"`; 304 to `If-None-Match: "v1"` |
//! | `/etag-no-preflight` | the same, but CORS preflights (`OPTIONS`) are refused |
//! | `/once-then-500?delay=MS` | the feed the first time, then 500 (after `delay` ms) |
//! | `/growing` | one more item at each request |
//! | `/paged?page=N&fail=1` | page 1 names page 2 in `next_url`; page 2 repeats an item and ends (or, with `fail`, is a 500) |
//! | `/ghost-paged?page=N&key=K` | Ghost Content API pages: page 1 says `meta.pagination.next: 2`; page 2 repeats an item and ends; without `key` a Ghost error document |
//! | `/duplicate-ids` | items that share ids and urls; each request reverses their dates (a refresh reorders them) |
//! | `/hostile?kind=K&page=P` | a feed written to hurt the page around it (see `hostile`): `amplify`, `many-items`, `huge-image`, `wp-sizes`, `next-to-page` (next page on the page's own origin `P`), `tracking-pixel`, `raw-url`, `hidden-headline` |
//! | `/_health` | 200 |

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// What was asked of the server, per test name.
type Log = Arc<Mutex<HashMap<String, Vec<Attempt>>>>;

#[derive(Clone)]
struct Attempt {
    method: String,
    path: String,
    at_ms: u128,
    if_none_match: Option<String>,
    sent: usize,
}

struct Request {
    method: String,
    path: String,
    query: HashMap<String, String>,
    headers: HashMap<String, String>,
}

impl Request {
    fn param(&self, name: &str) -> Option<&str> {
        self.query.get(name).map(String::as_str)
    }

    fn number(&self, name: &str, default: u64) -> u64 {
        self.param(name)
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    }

    /// The test this request belongs to.
    fn key(&self) -> String {
        self.param("t")
            .map_or_else(|| self.path.clone(), str::to_owned)
    }

    /// `?t=…` to carry into URLs this answer names.
    fn t(&self) -> String {
        self.param("t")
            .map_or_else(String::new, |t| format!("&t={t}"))
    }
}

fn main() {
    let port = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("FAULT_PORT").ok())
        .and_then(|p| p.parse::<u16>().ok())
        .unwrap_or(4180);
    let listener = TcpListener::bind(("127.0.0.1", port)).expect("the port is free");
    eprintln!("fault-server on http://127.0.0.1:{port}/");
    let log: Log = Arc::default();
    for stream in listener.incoming().flatten() {
        let log = log.clone();
        thread::spawn(move || {
            let _ = serve(stream, &log);
        });
    }
}

fn now_ms() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis())
}

fn read_request(stream: &TcpStream) -> Option<Request> {
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_owned();
    let target = parts.next()?.to_owned();
    let mut headers = HashMap::new();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 {
            return None;
        }
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_owned());
        }
    }
    let (path, query) = target.split_once('?').unwrap_or((&target, ""));
    let query = query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    Some(Request {
        method,
        path: path.to_owned(),
        query,
        headers,
    })
}

const CORS: &str = "Access-Control-Allow-Origin: *\r\n\
    Access-Control-Expose-Headers: ETag, Retry-After, Link, X-WP-TotalPages\r\n";

/// Writes a status line and headers (plus CORS unless `cors` is false).
fn head(
    stream: &mut TcpStream,
    status: &str,
    headers: &[(&str, String)],
    cors: bool,
) -> std::io::Result<()> {
    let mut text = format!("HTTP/1.1 {status}\r\nConnection: close\r\nCache-Control: no-cache\r\n");
    if cors {
        text.push_str(CORS);
    }
    for (name, value) in headers {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    text.push_str("\r\n");
    stream.write_all(text.as_bytes())
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &str,
) -> std::io::Result<usize> {
    head(
        stream,
        status,
        &[
            ("Content-Type", content_type.to_owned()),
            ("Content-Length", body.len().to_string()),
        ],
        true,
    )?;
    stream.write_all(body.as_bytes())?;
    Ok(body.len())
}

const JSON: &str = "application/json; charset=utf-8";

/// A JSON Feed of articles with these ids, newest first, naming `next`.
fn feed(title: &str, ids: impl Iterator<Item = String>, next: Option<String>) -> String {
    let items: Vec<String> = ids
        .enumerate()
        .map(|(n, id)| {
            let hour = 23 - n.min(23);
            format!(
                r#"{{"id":"{id}","title":"{title} {id}","date_published":"2026-11-26T{hour:02}:00:00+07:00","content_text":"Bài {id}."}}"#
            )
        })
        .collect();
    let next = next.map_or_else(String::new, |n| format!(r#","next_url":"{n}""#));
    format!(
        r#"{{"version":"https://jsonfeed.org/version/1.1","title":"{title}"{next},"items":[{}]}}"#,
        items.join(",")
    )
}

/// A Ghost Content API document of these posts, saying which page comes next.
fn ghost(title: &str, ids: impl Iterator<Item = String>, page: u64, next: Option<u64>) -> String {
    let posts: Vec<String> = ids
        .enumerate()
        .map(|(n, id)| {
            let hour = 23 - n.min(23);
            format!(
                r#"{{"id":"{id}","title":"{title} {id}","published_at":"2026-11-26T{hour:02}:00:00.000+00:00","html":"<p>Bài {id}.</p>"}}"#
            )
        })
        .collect();
    let next = next.map_or_else(|| "null".to_owned(), |n| n.to_string());
    format!(
        r#"{{"posts":[{}],"meta":{{"pagination":{{"page":{page},"limit":3,"pages":2,"total":5,"next":{next},"prev":null}}}}}}"#,
        posts.join(",")
    )
}

/// A document written to hurt the page around the widget that reads it
/// (issue 12's classes), by `kind`; `page` is the host page's origin.
fn hostile(kind: &str, page: &str) -> Option<String> {
    let json_feed = |items: String, extra: &str| {
        format!(r#"{{"version":"https://jsonfeed.org/version/1.1"{extra},"items":[{items}]}}"#)
    };
    let item = |id: &str, fields: &str| {
        format!(r#"{{"id":"{id}","date_published":"2026-11-26T10:00:00+07:00"{fields}}}"#)
    };
    Some(match kind {
        // Formatting elements left open, then blocks: the parser reopens
        // every one of them in every block.
        "amplify" => {
            let open: String = (0..2_000).map(|i| format!("<font id=f{i}>")).collect();
            let html = format!("{open}{}", "<p>x</p>".repeat(2_000));
            json_feed(item("a", &format!(r#","title":"Khuếch đại","content_html":"{html}""#)), "")
        }
        "many-items" => {
            let items: Vec<String> = (0..20_000)
                .map(|i| item(&format!("m{i}"), &format!(r#","title":"Tin {i}""#)))
                .collect();
            json_feed(items.join(","), "")
        }
        "huge-image" => json_feed(
            item(
                "h",
                r#","title":"Ảnh khổng lồ","image":"http://127.0.0.1:4180/hang","_article_widget":{"image":{"width":1,"height":4294967295}}"#,
            ),
            "",
        ),
        // WordPress image sizes under names the document chooses.
        "wp-sizes" => {
            // About 2 MB, well under the widget's 5 MB cap.
            let sizes: Vec<String> = (0..30_000)
                .map(|i| format!(r#""s{i}":{{"source_url":"https://i.example/{i}","width":{w}}}"#, w = i + 1))
                .collect();
            format!(
                r#"[{{"id":1,"date_gmt":"2026-11-26T03:00:00","title":{{"rendered":"Nhiều cỡ ảnh"}},"_embedded":{{"wp:featuredmedia":[{{"source_url":"https://img.example/full.jpg","media_details":{{"width":100000,"height":1,"sizes":{{{}}}}}}}]}}}}]"#,
                sizes.join(",")
            )
        }
        "next-to-page" => json_feed(
            item("n", r#","title":"Trang một""#),
            &format!(r#","next_url":"{page}/echo-cookie""#),
        ),
        "tracking-pixel" => json_feed(
            item(
                "t",
                r#","title":"Điểm ảnh","content_html":"<p>Bài.</p><img src=\"http://127.0.0.1:4180/pixel.gif\" width=\"1\" height=\"1\">""#,
            ),
            "",
        ),
        "raw-url" => json_feed(
            item("r", r#","title":"Đường dẫn","url":"https://news.example/a\"onmouseover=\"alert(1)\"<x>""#),
            "",
        ),
        "hidden-headline" => json_feed(
            item(
                "hh",
                r#","content_html":"<p>Tin thật</p><template><p>Giả mạo</p></template><noscript>Bật JavaScript</noscript><p hidden>Ẩn</p>""#,
            ),
            "",
        ),
        _ => return None,
    })
}

/// `prefix1` to `prefixN`.
fn ids(prefix: &str, range: std::ops::RangeInclusive<u64>) -> impl Iterator<Item = String> + '_ {
    range.map(move |i| format!("{prefix}{i}"))
}

fn serve(mut stream: TcpStream, log: &Log) -> std::io::Result<()> {
    let Some(request) = read_request(&stream) else {
        return Ok(());
    };
    if request.path == "/_health" {
        return respond(&mut stream, "200 OK", "text/plain", "ok").map(drop);
    }
    if request.path == "/_log" {
        let attempts = log
            .lock()
            .map(|l| l.get(&request.key()).cloned())
            .ok()
            .flatten();
        let rows: Vec<String> = attempts
            .unwrap_or_default()
            .iter()
            .map(|a| {
                format!(
                    r#"{{"method":"{}","path":"{}","at":{},"ifNoneMatch":{},"sent":{}}}"#,
                    a.method,
                    a.path,
                    a.at_ms,
                    a.if_none_match
                        .as_ref()
                        .map_or("null".to_owned(), |v| format!("{:?}", v)),
                    a.sent
                )
            })
            .collect();
        return respond(
            &mut stream,
            "200 OK",
            JSON,
            &format!("[{}]", rows.join(",")),
        )
        .map(drop);
    }

    let key = request.key();
    let attempt = {
        let mut log = log.lock().expect("no thread panics holding the log");
        let attempts = log.entry(key.clone()).or_default();
        attempts.push(Attempt {
            method: request.method.clone(),
            path: request.path.clone(),
            at_ms: now_ms(),
            if_none_match: request.headers.get("if-none-match").cloned(),
            sent: 0,
        });
        attempts.len()
    };
    if request.method == "OPTIONS" {
        // A CORS preflight (If-None-Match is not a safelisted header).
        let text = if request.path == "/etag-no-preflight" {
            "HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n".to_owned()
        } else {
            let allow = "Access-Control-Allow-Methods: GET\r\n\
                Access-Control-Allow-Headers: If-None-Match\r\nAccess-Control-Max-Age: 600\r\n";
            format!("HTTP/1.1 204 No Content\r\nConnection: close\r\n{CORS}{allow}\r\n")
        };
        return stream.write_all(text.as_bytes());
    }
    let title = request.param("title").unwrap_or("Tin").replace('+', " ");
    let sent = route(&mut stream, &request, attempt, &title);
    if let Ok(mut log) = log.lock() {
        if let Some(a) = log.get_mut(&key).and_then(|a| a.get_mut(attempt - 1)) {
            a.sent = sent;
        }
    }
    Ok(())
}

/// Answers `request`, the `attempt`th of its test; returns the body bytes sent.
fn route(stream: &mut TcpStream, request: &Request, attempt: usize, title: &str) -> usize {
    let ok = |s: &mut TcpStream, body: String| respond(s, "200 OK", JSON, &body).unwrap_or(0);
    let error = |s: &mut TcpStream, status: &str| {
        respond(s, status, "text/plain; charset=utf-8", status).unwrap_or(0)
    };
    match request.path.as_str() {
        "/feed" => {
            thread::sleep(Duration::from_millis(request.number("delay", 0)));
            let n = request.number("items", 3).max(1);
            ok(stream, feed(title, ids("f", 1..=n), None))
        }
        "/404" => error(stream, "404 Not Found"),
        "/flaky" if attempt == 1 => error(stream, "500 Internal Server Error"),
        "/flaky" => ok(stream, feed(title, ids("flaky", 1..=3), None)),
        "/always-500" => match request.param("retry") {
            Some(seconds) => {
                let headers = [
                    ("Retry-After", seconds.to_owned()),
                    ("Content-Length", "0".to_owned()),
                ];
                let _ = head(stream, "503 Service Unavailable", &headers, true);
                0
            }
            None => error(stream, "500 Internal Server Error"),
        },
        "/rate-limited" if attempt == 1 => {
            let body = "slow down";
            let headers = [
                ("Retry-After", "1".to_owned()),
                ("Content-Type", "text/plain".to_owned()),
                ("Content-Length", body.len().to_string()),
            ];
            let _ = head(stream, "429 Too Many Requests", &headers, true)
                .and_then(|()| stream.write_all(body.as_bytes()));
            body.len()
        }
        "/rate-limited" => ok(stream, feed(title, ids("rl", 1..=3), None)),
        "/hang" => {
            // Read until the client gives up and closes the connection.
            let mut sink = [0u8; 64];
            while matches!(stream.read(&mut sink), Ok(n) if n > 0) {}
            0
        }
        "/drip" => {
            let body = feed(title, ids("drip", 1..=2), None);
            let pause = Duration::from_millis(request.number("ms", 20));
            let headers = [
                ("Content-Type", JSON.to_owned()),
                ("Content-Length", body.len().to_string()),
            ];
            if head(stream, "200 OK", &headers, true).is_err() {
                return 0;
            }
            let mut sent = 0;
            for byte in body.as_bytes() {
                if stream.write_all(&[*byte]).and_then(|()| stream.flush()).is_err() {
                    break;
                }
                sent += 1;
                thread::sleep(pause);
            }
            sent
        }
        "/truncated" => {
            let body = feed(title, ids("cut", 1..=3), None);
            let headers = [
                ("Content-Type", JSON.to_owned()),
                ("Content-Length", (body.len() + 1000).to_string()),
            ];
            let half = &body.as_bytes()[..body.len() / 2];
            let _ = head(stream, "200 OK", &headers, true).and_then(|()| stream.write_all(half));
            half.len()
        }
        "/html" => respond(
            stream,
            "200 OK",
            "text/html; charset=utf-8",
            "<!doctype html><title>Sign in</title><form><input name=user><button>Sign in</button></form>",
        )
        .unwrap_or(0),
        "/huge" | "/huge-declared" => {
            const TOTAL: usize = 40 * 1024 * 1024;
            let mut headers = vec![("Content-Type", JSON.to_owned())];
            if request.path == "/huge-declared" {
                headers.push(("Content-Length", TOTAL.to_string()));
            }
            if head(stream, "200 OK", &headers, true).is_err() {
                return 0;
            }
            let chunk = [b' '; 64 * 1024];
            let mut sent = 0;
            while sent < TOTAL {
                if stream.write_all(&chunk).is_err() {
                    break;
                }
                sent += chunk.len();
            }
            sent
        }
        "/empty" => respond(stream, "200 OK", JSON, "").unwrap_or(0),
        "/cors-refused" => {
            let body = feed(title, ids("cors", 1..=3), None);
            let headers = [
                ("Content-Type", JSON.to_owned()),
                ("Content-Length", body.len().to_string()),
            ];
            let _ = head(stream, "200 OK", &headers, false)
                .and_then(|()| stream.write_all(body.as_bytes()));
            body.len()
        }
        "/redirect-loop" => {
            let location = format!("/redirect-loop?n={attempt}{}", request.t());
            let _ = head(
                stream,
                "302 Found",
                &[("Location", location), ("Content-Length", "0".to_owned())],
                true,
            );
            0
        }
        "/etag" | "/etag-no-preflight" => {
            let etag = "\"v1\"";
            if request.headers.get("if-none-match").map(String::as_str) == Some(etag) {
                let _ = head(stream, "304 Not Modified", &[("ETag", etag.to_owned())], true);
                return 0;
            }
            let body = feed(title, ids("etag", 1..=3), None);
            let headers = [
                ("Content-Type", JSON.to_owned()),
                ("Content-Length", body.len().to_string()),
                ("ETag", etag.to_owned()),
            ];
            let _ = head(stream, "200 OK", &headers, true).and_then(|()| stream.write_all(body.as_bytes()));
            body.len()
        }
        "/once-then-500" if attempt == 1 => ok(stream, feed(title, ids("once", 1..=3), None)),
        "/once-then-500" => {
            thread::sleep(Duration::from_millis(request.number("delay", 0)));
            error(stream, "500 Internal Server Error")
        }
        "/growing" => {
            // Request n lists n + 1 articles: each request adds one at the top.
            let newest = attempt as u64 + 1;
            ok(stream, feed(title, (1..=newest).rev().map(|k| format!("g{k}")), None))
        }
        "/paged" => match request.number("page", 1) {
            1 => {
                let fail = if request.param("fail").is_some() { "&fail=1" } else { "" };
                let next = format!("/paged?page=2{fail}{}", request.t());
                ok(stream, feed(title, ids("p", 1..=3), Some(next)))
            }
            _ if request.param("fail").is_some() => error(stream, "500 Internal Server Error"),
            _ => ok(stream, feed(title, ids("p", 3..=5), None)),
        },
        "/hostile" => {
            let page = request.param("page").unwrap_or("").replace("%3A", ":").replace("%2F", "/");
            match hostile(request.param("kind").unwrap_or(""), &page) {
                Some(body) => ok(stream, body),
                None => error(stream, "404 Not Found"),
            }
        }
        "/duplicate-ids" => {
            let mut hours = [10, 9, 8, 7];
            if attempt % 2 == 0 {
                hours.reverse();
            }
            let items = [
                (r#""id":"x""#, "Tin một"),
                (r#""id":"x""#, "Tin hai"),
                (r#""url":"https://news.example/a""#, "Tin ba"),
                (r#""url":"https://news.example/a""#, "Tin bốn"),
            ]
            .iter()
            .zip(hours)
            .map(|((key, title), hour)| {
                format!(r#"{{{key},"title":"{title}","date_published":"2026-11-26T{hour:02}:00:00+07:00"}}"#)
            })
            .collect::<Vec<_>>()
            .join(",");
            ok(
                stream,
                format!(r#"{{"version":"https://jsonfeed.org/version/1.1","items":[{items}]}}"#),
            )
        }
        // The key must survive into the next page's URL, as Ghost needs it.
        "/ghost-paged" if request.param("key") != Some("k") => ok(
            stream,
            r#"{"errors":[{"message":"Unknown Content API Key","type":"UnauthorizedError"}]}"#.to_owned(),
        ),
        "/ghost-paged" => match request.number("page", 1) {
            1 => ok(stream, ghost(title, ids("g", 1..=3), 1, Some(2))),
            _ => ok(stream, ghost(title, ids("g", 3..=5), 2, None)),
        },
        _ => error(stream, "404 Not Found"),
    }
}
