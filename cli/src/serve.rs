//! `article-widget serve`: a feed service for widgets on other origins.
//!
//! `GET /v1/feed?src=URL` fetches an allow-listed feed, reads it with the
//! widget's own parser and answers JSON Feed 1.1 (with the `_article_widget`
//! extension), with CORS for any origin and the cache headers a CDN needs.
//! The steps, one module each: [`guard`] (what may be fetched, checked on every
//! hop and after DNS), [`upstream`] (the fetch: redirects, timeouts, size cap,
//! content type), [`normalise`] (any format → JSON Feed), [`cache`] (bytes-bounded,
//! single-flight, stale copies), [`feed`] (the handler), [`problem`] (RFC 9457
//! errors) and [`metrics`] (Prometheus). `GET /v1/render` ([`render`]) answers
//! the pre-rendered snippet of the same feeds.

mod cache;
mod feed;
pub(crate) mod guard;
mod metrics;
pub(crate) mod normalise;
pub(crate) mod problem;
mod render;
pub(crate) mod upstream;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use thiserror::Error;
use tower_http::cors::{AllowOrigin, CorsLayer};

use cache::FeedCache;
use guard::{AllowList, Guard};
use metrics::Metrics;
use problem::Problem;
use upstream::{Limits, Upstream};

/// The flags of `article-widget serve`; each can also come from the environment.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Address to listen on. Port 0 picks a free port; the address is printed.
    #[arg(long, env = "ARTICLE_WIDGET_LISTEN", default_value = "127.0.0.1:8090")]
    listen: SocketAddr,
    /// An origin feeds may come from, like `https://news.example` (repeat the
    /// flag; in the environment, separate origins with commas).
    #[arg(long = "allow", env = "ARTICLE_WIDGET_ALLOW", value_delimiter = ',')]
    allow: Vec<String>,
    /// A file of allowed origins, one a line; `#` starts a comment.
    #[arg(long, env = "ARTICLE_WIDGET_ALLOW_FILE")]
    allow_file: Option<PathBuf>,
    /// Let allow-listed origins resolve to loopback addresses (tests, local
    /// previews). Private, link-local and other internal ranges stay refused.
    #[arg(long, env = "ARTICLE_WIDGET_ALLOW_LOOPBACK")]
    allow_loopback: bool,
    /// Seconds a browser may use a feed without asking again; also how long
    /// the service itself keeps a copy before revalidating it upstream.
    #[arg(long, env = "ARTICLE_WIDGET_MAX_AGE", default_value_t = 60)]
    max_age: u64,
    /// Seconds a shared cache (CDN) may use a feed without asking again.
    #[arg(long, env = "ARTICLE_WIDGET_S_MAXAGE", default_value_t = 300)]
    s_maxage: u64,
    /// Seconds after expiry during which a cache may answer with the old copy
    /// while it fetches a new one.
    #[arg(
        long,
        env = "ARTICLE_WIDGET_STALE_WHILE_REVALIDATE",
        default_value_t = 60
    )]
    stale_while_revalidate: u64,
    /// Seconds after expiry during which a cache may answer with the old copy
    /// when the feed fails; the service does the same.
    #[arg(long, env = "ARTICLE_WIDGET_STALE_IF_ERROR", default_value_t = 86_400)]
    stale_if_error: u64,
    /// Bytes of normalised feeds kept in memory.
    #[arg(long, env = "ARTICLE_WIDGET_CACHE_BYTES", default_value_t = 64 * 1024 * 1024)]
    cache_bytes: u64,
    /// Largest upstream document, in bytes, counted while it streams in.
    #[arg(long, env = "ARTICLE_WIDGET_MAX_BYTES", default_value_t = 5 * 1024 * 1024)]
    max_bytes: u64,
    /// Seconds to wait for an upstream connection.
    #[arg(long, env = "ARTICLE_WIDGET_CONNECT_TIMEOUT", default_value_t = 5.0)]
    connect_timeout: f64,
    /// Seconds an upstream fetch may take in all: redirects, headers and body.
    #[arg(long, env = "ARTICLE_WIDGET_TIMEOUT", default_value_t = 10.0)]
    timeout: f64,
    /// Where `dist/` is served from, ending in `/`: `/v1/render` snippets
    /// link the hashed stylesheet there, as `render --assets` does.
    #[arg(long, env = "ARTICLE_WIDGET_ASSETS", default_value = "")]
    assets: String,
    /// The service's URL as readers reach it, like `https://feeds.example`
    /// (behind a CDN or proxy, give it): `/v1/render` snippets point the
    /// widget at `<this>/v1/feed?src=…`. Without it, `http://` and the
    /// request's `Host`.
    #[arg(long, env = "ARTICLE_WIDGET_PUBLIC_URL")]
    public_url: Option<String>,
    /// Bytes of rendered snippets kept in memory.
    #[arg(long, env = "ARTICLE_WIDGET_RENDER_CACHE_BYTES", default_value_t = 16 * 1024 * 1024)]
    render_cache_bytes: u64,
}

/// Why the service could not start.
#[derive(Debug, Error)]
pub enum ServeError {
    /// A flag, the environment or the allow-list file is wrong.
    #[error("{0}")]
    Config(String),
    /// The allow-list file could not be read.
    #[error("cannot read the allow-list file {path}: {source}")]
    AllowFile {
        /// The file named by `--allow-file`.
        path: PathBuf,
        /// Why it could not be read.
        source: std::io::Error,
    },
    /// Listening or serving failed.
    #[error("cannot serve on {addr}: {source}")]
    Listen {
        /// The address asked for.
        addr: SocketAddr,
        /// What the system said.
        source: std::io::Error,
    },
    /// The HTTP client could not be built (TLS roots, resolver).
    #[error("cannot build the HTTP client: {0}")]
    Client(#[from] reqwest::Error),
}

/// The cache headers of a feed, as configured.
#[derive(Clone, Debug)]
pub(crate) struct Freshness {
    /// How long the service's own copy counts as fresh.
    pub fresh: Duration,
    /// How long past that it may be served while a new one is fetched.
    pub while_revalidate: Duration,
    /// How long past that it may be served when the upstream fails.
    pub if_error: Duration,
    /// `Cache-Control` of a successful feed.
    pub cache_control: HeaderValue,
}

/// What every handler shares.
pub(crate) struct App {
    /// What may be fetched.
    pub guard: Arc<Guard>,
    /// Normalised feeds, and the fetches in flight.
    pub cache: Arc<FeedCache>,
    /// Counters and histograms for `/metrics`.
    pub metrics: Arc<Metrics>,
    /// The headers of a good answer.
    pub freshness: Freshness,
    /// Pre-rendered snippets, for `/v1/render`.
    pub snippets: render::Snippets,
}

/// Starts the service and serves until SIGTERM or Ctrl-C.
pub fn run(args: Args) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|source| ServeError::Listen {
            addr: args.listen,
            source,
        })?;
    runtime.block_on(serve(args))
}

async fn serve(args: Args) -> Result<(), ServeError> {
    let mut origins = args.allow.clone();
    if let Some(path) = &args.allow_file {
        let text = std::fs::read_to_string(path).map_err(|source| ServeError::AllowFile {
            path: path.clone(),
            source,
        })?;
        origins.extend(guard::allow_file_entries(&text));
    }
    let allow = AllowList::parse(&origins).map_err(ServeError::Config)?;
    let seconds = |name: &str, value: f64| {
        Duration::try_from_secs_f64(value)
            .ok()
            .filter(|d| !d.is_zero())
            .ok_or_else(|| {
                ServeError::Config(format!("--{name} must be a positive number of seconds"))
            })
    };
    let limits = Limits {
        connect_timeout: seconds("connect-timeout", args.connect_timeout)?,
        timeout: seconds("timeout", args.timeout)?,
        max_bytes: args.max_bytes,
    };
    let guard = Arc::new(Guard::new(allow, args.allow_loopback));
    let metrics = Arc::new(Metrics::new());
    let upstream = Upstream::new(guard.clone(), limits)?;
    let freshness = Freshness {
        fresh: Duration::from_secs(args.max_age),
        while_revalidate: Duration::from_secs(args.stale_while_revalidate),
        if_error: Duration::from_secs(args.stale_if_error),
        cache_control: HeaderValue::try_from(format!(
            "public, max-age={}, s-maxage={}, stale-while-revalidate={}, stale-if-error={}",
            args.max_age, args.s_maxage, args.stale_while_revalidate, args.stale_if_error
        ))
        .map_err(|e| ServeError::Config(e.to_string()))?,
    };
    let cache = Arc::new(FeedCache::new(
        upstream,
        guard.clone(),
        metrics.clone(),
        args.cache_bytes,
        freshness.clone(),
    ));
    if let Some(url) = &args.public_url {
        match url::Url::parse(url) {
            Ok(parsed) if matches!(parsed.scheme(), "http" | "https") => {}
            _ => {
                return Err(ServeError::Config(format!(
                    "--public-url {url:?} is not an absolute http(s) URL"
                )))
            }
        }
    }
    let snippets = render::Snippets::new(
        args.render_cache_bytes,
        args.public_url.clone(),
        args.assets.clone(),
    );
    let app = Arc::new(App {
        guard,
        cache,
        metrics,
        freshness,
        snippets,
    });

    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .map_err(|source| ServeError::Listen {
            addr: args.listen,
            source,
        })?;
    let addr = listener.local_addr().map_err(|source| ServeError::Listen {
        addr: args.listen,
        source,
    })?;
    // Tests and scripts read the port from this line.
    println!("article-widget serve: listening on http://{addr}");
    axum::serve(listener, router(app))
        .with_graceful_shutdown(shutdown())
        .await
        .map_err(|source| ServeError::Listen { addr, source })?;
    eprintln!("article-widget serve: stopped");
    Ok(())
}

/// The routes. Pre-rendered snippets (`GET /v1/render`) are one more route
/// over the same [`App`]: its cache, upstream and guard.
fn router(app: Arc<App>) -> Router {
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::any())
        .allow_methods([Method::GET, Method::HEAD])
        .allow_headers([header::IF_NONE_MATCH, header::IF_MODIFIED_SINCE])
        .expose_headers([
            header::ETAG,
            header::CACHE_CONTROL,
            HeaderName::from_static(cache::STALE_HEADER),
        ])
        .max_age(Duration::from_secs(86_400))
        // One answer for every origin: nothing for a CDN to vary on.
        .vary(Vec::<HeaderName>::new());
    Router::new()
        .route("/v1/feed", get(feed::feed))
        .route("/v1/render", get(render::render))
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics::metrics))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(app.clone(), record))
        .layer(cors)
        .with_state(app)
}

async fn healthz() -> &'static str {
    "ok\n"
}

async fn not_found() -> Problem {
    Problem::not_found()
}

/// Counts every answer by route and status, and times it.
async fn record(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("other", |p| metrics::route_name(p.as_str()));
    let response = next.run(request).await;
    app.metrics
        .request(route, response.status(), started.elapsed());
    response
}

/// SIGTERM (systemd, containers) or Ctrl-C: stop accepting, finish what is in flight.
async fn shutdown() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    eprintln!("article-widget serve: shutting down");
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        self.response()
    }
}
