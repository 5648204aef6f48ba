//! `GET /metrics`: Prometheus (OpenMetrics text) counters of requests by route
//! and status, a latency histogram by route, upstream fetches by outcome,
//! cache lookups by outcome, and the bytes the cache holds.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::{text::encode, EncodeLabelSet};
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

use super::App;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteStatus {
    route: &'static str,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Route {
    route: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Outcome {
    result: &'static str,
}

type Latency = Family<Route, Histogram, fn() -> Histogram>;

/// The service's metrics.
pub struct Metrics {
    registry: Registry,
    requests: Family<RouteStatus, Counter>,
    latency: Latency,
    upstream: Family<Outcome, Counter>,
    cache: Family<Outcome, Counter>,
    cache_bytes: Gauge,
}

impl Metrics {
    /// Registers every metric.
    pub fn new() -> Metrics {
        let mut registry = Registry::with_prefix("article_widget");
        let requests = Family::<RouteStatus, Counter>::default();
        registry.register(
            "requests",
            "HTTP requests answered, by route and status",
            requests.clone(),
        );
        let latency: Latency = Family::new_with_constructor(|| {
            // 0.25 ms to about 8 s.
            Histogram::new(exponential_buckets(0.000_25, 2.0, 16))
        });
        registry.register(
            "request_duration_seconds",
            "Time to answer, by route",
            latency.clone(),
        );
        let upstream = Family::<Outcome, Counter>::default();
        registry.register(
            "upstream_fetches",
            "Requests to upstream feeds (redirects followed count once), by outcome",
            upstream.clone(),
        );
        let cache = Family::<Outcome, Counter>::default();
        registry.register(
            "cache_lookups",
            "Feed lookups: hit, miss, revalidating (stale served while fetching), stale_on_error",
            cache.clone(),
        );
        let cache_bytes = Gauge::default();
        registry.register(
            "cache_bytes",
            "Bytes of normalised feeds and rendered snippets held in memory",
            cache_bytes.clone(),
        );
        Metrics {
            registry,
            requests,
            latency,
            upstream,
            cache,
            cache_bytes,
        }
    }

    /// Counts one answer.
    pub fn request(&self, route: &'static str, status: StatusCode, took: Duration) {
        self.requests
            .get_or_create(&RouteStatus {
                route,
                status: status.as_u16(),
            })
            .inc();
        self.latency
            .get_or_create(&Route { route })
            .observe(took.as_secs_f64());
    }

    /// Counts one upstream fetch.
    pub fn upstream(&self, result: &'static str) {
        self.upstream.get_or_create(&Outcome { result }).inc();
    }

    /// Counts one cache lookup.
    pub fn cache(&self, result: &'static str) {
        self.cache.get_or_create(&Outcome { result }).inc();
    }
}

/// The label for a matched route: the routes are few and fixed.
pub fn route_name(path: &str) -> &'static str {
    match path {
        "/v1/feed" => "/v1/feed",
        "/v1/render" => "/v1/render",
        "/healthz" => "/healthz",
        "/metrics" => "/metrics",
        _ => "other",
    }
}

/// The handler.
pub async fn metrics(State(app): State<Arc<App>>) -> Response {
    let bytes = app.cache.weighted_size() + app.snippets.weighted_size();
    app.metrics
        .cache_bytes
        .set(i64::try_from(bytes).unwrap_or(i64::MAX));
    let mut text = String::new();
    if encode(&mut text, &app.metrics.registry).is_err() {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    let mut response = text.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/openmetrics-text; version=1.0.0; charset=utf-8"),
    );
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
