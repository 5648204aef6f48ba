//! Real processes on real sockets: the fault server (`e2e/fault-server`) as
//! the upstream, and `article-widget serve` on an ephemeral port in front of it.
//! Both are stopped when their handle drops.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The fault server's binary, built once per test binary.
fn fault_server_binary() -> &'static PathBuf {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../e2e/fault-server");
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        let status = Command::new(cargo)
            .args(["build", "--release", "--quiet", "--manifest-path"])
            .arg(root.join("Cargo.toml"))
            .status()
            .expect("cargo runs");
        assert!(status.success(), "the fault server builds");
        root.join("target/release/fault-server")
    })
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// A running fault server.
pub struct FaultServer {
    child: Child,
    /// `http://127.0.0.1:PORT`
    pub origin: String,
    /// Its port.
    pub port: u16,
}

impl FaultServer {
    /// Starts one on a free port and waits until it answers.
    pub async fn start() -> FaultServer {
        let binary = fault_server_binary();
        let port = free_port();
        let child = Command::new(binary)
            .arg(port.to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the fault server starts");
        let server = FaultServer {
            child,
            origin: format!("http://127.0.0.1:{port}"),
            port,
        };
        let deadline = Instant::now() + Duration::from_secs(10);
        let client = reqwest::Client::new();
        while client
            .get(format!("{}/_health", server.origin))
            .send()
            .await
            .is_err()
        {
            assert!(Instant::now() < deadline, "the fault server answers");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        server
    }

    /// How many requests the test `t` made to it.
    pub async fn count(&self, t: &str) -> usize {
        self.log(t).await.len()
    }

    /// The requests of test `t`: `{ method, path, at, ifNoneMatch, sent }`.
    pub async fn log(&self, t: &str) -> Vec<serde_json::Value> {
        let text = reqwest::get(format!("{}/_log?t={t}", self.origin))
            .await
            .expect("the log answers")
            .text()
            .await
            .expect("the log reads");
        let log: serde_json::Value = serde_json::from_str(&text).expect("the log is JSON");
        log.as_array().cloned().unwrap_or_default()
    }
}

impl Drop for FaultServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A running `article-widget serve`.
pub struct Service {
    child: Child,
    /// `http://127.0.0.1:PORT`
    pub origin: String,
}

impl Service {
    /// Starts the service with these flags (plus an ephemeral `--listen`).
    pub fn start(args: &[&str]) -> Service {
        Service::start_with_env(args, &[])
    }

    /// Starts the service with these flags and environment variables.
    pub fn start_with_env(args: &[&str], env: &[(&str, &str)]) -> Service {
        let mut child = Command::new(env!("CARGO_BIN_EXE_article-widget"))
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(args)
            .env_remove("ARTICLE_WIDGET_ALLOW")
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the service starts");
        let stdout = child.stdout.take().expect("stdout is piped");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("the service prints its address");
        let origin = line
            .trim()
            .rsplit_once("listening on ")
            .map(|(_, origin)| origin.to_owned())
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        Service { child, origin }
    }

    /// The service in front of `upstream`, loopback allowed, 2 s timeout.
    pub fn before(upstream: &FaultServer, extra: &[&str]) -> Service {
        let mut args = vec![
            "--allow",
            &upstream.origin,
            "--allow-loopback",
            "--timeout",
            "2",
            "--connect-timeout",
            "1",
        ];
        args.extend_from_slice(extra);
        Service::start(&args)
    }

    /// `/v1/feed?src=…` for `src`.
    pub fn feed_url(&self, src: &str) -> String {
        let src: String = url::form_urlencoded::byte_serialize(src.as_bytes()).collect();
        format!("{}/v1/feed?src={src}", self.origin)
    }

    /// The process id, for signals.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Waits for the process to exit; `None` if it has not within `limit`.
    pub fn wait_exit(&mut self, limit: Duration) -> Option<std::process::ExitStatus> {
        let deadline = Instant::now() + limit;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            if Instant::now() > deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A problem document's status, `type` suffix and the time it took.
pub struct Answer {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
    pub took: Duration,
}

impl Answer {
    /// The problem `type` without its `urn:article-widget:problem:` prefix.
    pub fn problem(&self) -> String {
        let problem: serde_json::Value =
            serde_json::from_str(&self.body).unwrap_or(serde_json::Value::Null);
        problem["type"]
            .as_str()
            .and_then(|t| t.strip_prefix("urn:article-widget:problem:"))
            .unwrap_or("")
            .to_owned()
    }

    /// A header as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// GETs `url` with a client that keeps nothing between requests.
pub async fn get(url: &str) -> Answer {
    get_with(&reqwest::Client::new(), url, &[]).await
}

/// GETs `url` with these request headers.
pub async fn get_with(client: &reqwest::Client, url: &str, headers: &[(&str, &str)]) -> Answer {
    let started = Instant::now();
    let mut request = client.get(url);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.expect("the service answers");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = response.text().await.expect("a body");
    Answer {
        status,
        headers,
        body,
        took: started.elapsed(),
    }
}

impl Service {
    /// The service in front of `upstream` with no freshness at all: every
    /// request revalidates upstream, so the second one meets whatever the
    /// upstream does then.
    pub fn revalidating(upstream: &FaultServer) -> Service {
        Service::before(
            upstream,
            &["--max-age", "0", "--stale-while-revalidate", "0"],
        )
    }
}

/// GETs `url` (of a [`Service::revalidating`] service in front of the fault
/// server's `/once-then-500`) twice: the first answer is good, the second
/// meets the upstream's 500 and is the same copy, served stale and said so.
/// Returns both.
pub async fn good_then_stale(url: &str) -> (Answer, Answer) {
    let good = get(url).await;
    assert_eq!(good.status, 200, "{}", good.body);
    assert_eq!(good.header("x-article-widget-stale"), None);
    let stale = get(url).await;
    assert_eq!(stale.status, 200, "{}", stale.body);
    assert_eq!(stale.body, good.body);
    assert_eq!(stale.header("etag"), good.header("etag"));
    assert_eq!(
        stale.header("x-article-widget-stale"),
        Some("1; reason=upstream-status")
    );
    assert_eq!(
        stale.header("cache-control"),
        Some("public, max-age=0, s-maxage=10")
    );
    (good, stale)
}

/// `n` GETs of `url` at once over one client; every answer is a `200` with
/// the same `ETag`. Returns them.
pub async fn get_at_once(url: &str, n: usize) -> Vec<Answer> {
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(n)
        .build()
        .expect("a client");
    let answers = futures::future::join_all((0..n).map(|_| get_with(&client, url, &[]))).await;
    let etag = answers[0].header("etag").map(str::to_owned);
    assert!(etag.is_some(), "{}", answers[0].body);
    for answer in &answers {
        assert_eq!(answer.status, 200, "{}", answer.body);
        assert_eq!(answer.header("etag").map(str::to_owned), etag);
    }
    answers
}
