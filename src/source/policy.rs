//! The rules of fetching, as plain Rust with time passed in: how long to
//! wait, when to try again and how soon, how old a cached copy may be, and
//! when the next refresh is due. The browser driver ([`super`]) asks; these
//! answer. No clock, no timer, no randomness in here: tests give them.

use crate::error::LoadError;

/// Limits of one load. The element always uses [`Policy::default`]; a Yew
/// application may pass its own through
/// [`ArticleWidgetProps::policy`](crate::ArticleWidgetProps::policy).
///
/// ```
/// use article_widget::{source::Policy, ArticleWidget};
/// use yew::prelude::*;
///
/// // A newsroom screen on a fast network: give up sooner, allow bigger feeds.
/// let policy = Policy { timeout_ms: 4_000, attempts: 2, max_bytes: 20 << 20, ..Policy::default() };
/// assert_eq!(policy.backoff_ms, Policy::default().backoff_ms);
///
/// let _view = html! { <ArticleWidget src="https://news.example/feed.json" {policy} /> };
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    /// How long one attempt may take, from request to the last byte.
    pub timeout_ms: u32,
    /// Attempts per load, the first included.
    pub attempts: u32,
    /// Back-off before the first retry; it doubles for each one after.
    pub backoff_ms: u32,
    /// Back-off never grows past this.
    pub max_backoff_ms: u32,
    /// A `Retry-After` longer than this is not waited for: the load fails and
    /// the next refresh (if any) tries again.
    pub max_retry_after_ms: u32,
    /// Largest document read, counted while it streams in.
    pub max_bytes: u32,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            timeout_ms: 10_000,
            attempts: 3,
            backoff_ms: 500,
            max_backoff_ms: 8_000,
            max_retry_after_ms: 30_000,
            max_bytes: 5 * 1024 * 1024,
        }
    }
}

/// Whether another attempt may succeed where this one failed: the network
/// (offline, reset, refused; a CORS refusal looks the same to a page), a
/// server error, `408 Request Timeout` and `429 Too Many Requests`. A timeout
/// is not retried: a server too slow to answer in time is not helped by
/// being asked again, and the reader has waited long enough.
pub fn retryable(error: &LoadError) -> bool {
    match error {
        LoadError::Network(_) => true,
        LoadError::Http { status, .. } => matches!(status, 408 | 429 | 500..=599),
        // The feed service's problems: its upstream unreachable or failing
        // (not its refusals, its timeouts, or a document too large or no feed).
        LoadError::Service { kind, status, .. } => {
            matches!(*kind, "network" | "http") && matches!(status, 408 | 429 | 500..=599)
        }
        _ => false,
    }
}

/// The attempts of one load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Retry {
    made: u32,
    conditional: bool,
}

impl Retry {
    /// Before the first attempt; `conditional` when a cached copy's `ETag`
    /// can be sent as `If-None-Match`.
    pub fn new(conditional: bool) -> Retry {
        Retry {
            made: 0,
            conditional,
        }
    }

    /// Whether the next attempt sends `If-None-Match`.
    pub fn conditional(&self) -> bool {
        self.conditional
    }

    /// After a failed attempt: how long to wait before the next one, or
    /// `None` to give up. `retry_after_ms` is the server's `Retry-After`,
    /// `jitter` a random number in `[0, 1)`.
    pub fn after_failure(
        &mut self,
        policy: &Policy,
        error: &LoadError,
        retry_after_ms: Option<u64>,
        jitter: f64,
    ) -> Option<u32> {
        self.made += 1;
        if self.made >= policy.attempts || !retryable(error) {
            return None;
        }
        // If-None-Match is not a CORS-safelisted header: cross-origin it needs
        // a preflight, which a feed server may refuse. That refusal is a
        // network error, so the next attempt goes without it.
        if matches!(error, LoadError::Network(_)) {
            self.conditional = false;
        }
        match retry_after_ms {
            Some(ms) if ms > u64::from(policy.max_retry_after_ms) => None,
            Some(ms) => Some(ms as u32),
            None => Some(backoff(policy, self.made, jitter)),
        }
    }
}

/// The wait before retry number `retry` (1 for the first): exponential, capped,
/// with "equal jitter" (between half and all of it) so that many widgets that
/// failed together do not come back together.
pub fn backoff(policy: &Policy, retry: u32, jitter: f64) -> u32 {
    let doubled = u64::from(policy.backoff_ms) << retry.saturating_sub(1).min(16);
    let full = doubled.min(u64::from(policy.max_backoff_ms)) as f64;
    (full * (0.5 + 0.5 * jitter.clamp(0.0, 1.0))) as u32
}

/// `Retry-After` in milliseconds from `now_ms`: delay-seconds or an HTTP date
/// (a date in the past means now). `None` when it is neither.
pub fn parse_retry_after(value: &str, now_ms: u64) -> Option<u64> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Some(
            value
                .parse::<u64>()
                .unwrap_or(u64::MAX)
                .saturating_mul(1000),
        );
    }
    parse_http_date(value).map(|at| at.saturating_sub(now_ms))
}

/// An HTTP date (RFC 9110: IMF-fixdate, and the obsolete RFC 850 and asctime
/// forms) as milliseconds since the epoch.
pub fn parse_http_date(value: &str) -> Option<u64> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let (mut day, mut month, mut year, mut time) = (None, None, None, None);
    for word in value.split([' ', ',', '-']).filter(|w| !w.is_empty()) {
        let lower = word.to_ascii_lowercase();
        if let Some(m) = MONTHS.iter().position(|m| *m == lower) {
            month = Some(m as u32 + 1);
        } else if word.contains(':') {
            let mut parts = word.split(':').map(|p| p.parse::<u32>().ok());
            if let (Some(Some(h)), Some(Some(m)), Some(Some(s)), None) =
                (parts.next(), parts.next(), parts.next(), parts.next())
            {
                time = (h < 24 && m < 60 && s < 61).then_some(h * 3600 + m * 60 + s);
            }
        } else if let Ok(n) = word.parse::<u32>() {
            match (word.len(), day) {
                (1 | 2, None) => day = Some(n),
                // RFC 850's two-digit years: 70–99 are the 1900s.
                (2, Some(_)) => year = Some(if n >= 70 { 1900 + n } else { 2000 + n }),
                (4, _) => year = Some(n),
                _ => return None,
            }
        }
    }
    let (day, month, year, time) = (day?, month?, year?, time?);
    if day == 0 || day > 31 || year < 1970 {
        return None;
    }
    let days = crate::timestamp::days_from_civil(year, month, day);
    u64::try_from(days * 86_400 + i64::from(time))
        .ok()
        .map(|s| s * 1000)
}

/// A cached copy older than this is not shown: a week-old front page would
/// mislead more than a short wait for the fresh one.
pub use crate::contract::CACHE_MAX_AGE_MS;

/// Whether a copy saved at `saved_at` may still be shown at `now`. A copy
/// from the future (a clock set back, or storage written by someone else) is
/// not trusted: it would stay fresh forever. The entry module answers the
/// same for its early requests (`src/early.js`).
pub fn cache_usable(saved_at: u64, now: u64) -> bool {
    saved_at <= now && now - saved_at <= CACHE_MAX_AGE_MS
}

/// Whether the browser may keep a copy of a response with this
/// `Cache-Control`: not when the server says `no-store`.
pub fn storable(cache_control: Option<&str>) -> bool {
    !cache_control.is_some_and(|cc| {
        cc.split(',')
            .any(|d| d.trim().eq_ignore_ascii_case("no-store"))
    })
}

/// Shortest `refresh` interval, in seconds.
pub const MIN_REFRESH_S: u32 = 30;

/// After failed refreshes the interval doubles, up to this (or the interval
/// itself if that is longer), so a struggling server is not kept busy.
pub const MAX_REFRESH_BACKOFF_MS: u64 = 15 * 60 * 1000;

/// When the next refresh is due.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    interval_ms: u64,
    due_at: u64,
    failures: u32,
}

/// What the refresh loop does next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wake {
    /// Fetch now.
    Now,
    /// Sleep this long, unless the page's visibility changes first.
    In(u64),
    /// The page is hidden: wait until it is visible again.
    WhenVisible,
}

impl Schedule {
    /// Refreshes every `interval_s` seconds (at least [`MIN_REFRESH_S`]),
    /// counting from a load that finished at `now`.
    pub fn new(interval_s: u32, now: u64) -> Schedule {
        let interval_ms = u64::from(interval_s.max(MIN_REFRESH_S)) * 1000;
        Schedule {
            interval_ms,
            due_at: now + interval_ms,
            failures: 0,
        }
    }

    /// What to do at `now`. Nothing is fetched while the page is hidden; on
    /// return, an overdue refresh happens at once.
    pub fn next(&self, now: u64, hidden: bool) -> Wake {
        if hidden {
            Wake::WhenVisible
        } else if now >= self.due_at {
            Wake::Now
        } else {
            Wake::In(self.due_at - now)
        }
    }

    /// A refresh finished at `now`; `ok` if it succeeded.
    pub fn finished(&mut self, now: u64, ok: bool) {
        self.failures = if ok { 0 } else { self.failures + 1 };
        let stretched = self.interval_ms << self.failures.min(10);
        let cap = MAX_REFRESH_BACKOFF_MS.max(self.interval_ms);
        self.due_at = now + stretched.min(cap);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn http(status: u16) -> LoadError {
        LoadError::Http {
            status,
            status_text: String::new(),
        }
    }

    fn network() -> LoadError {
        LoadError::Network("Failed to fetch".into())
    }

    #[test]
    fn what_is_retried() {
        for status in [408, 429, 500, 502, 503, 504] {
            assert!(retryable(&http(status)), "{status}");
        }
        for status in [400, 401, 403, 404, 410, 451] {
            assert!(!retryable(&http(status)), "{status}");
        }
        assert!(retryable(&network()));
        assert!(!retryable(&LoadError::Timeout { seconds: 10 }));
        assert!(!retryable(&LoadError::TooLarge { bytes: 1 }));
        assert!(!retryable(&LoadError::WebPage));
        let service = |kind, status| LoadError::Service {
            kind,
            status,
            detail: String::new(),
        };
        assert!(retryable(&service("network", 502)));
        assert!(retryable(&service("http", 502)));
        for (kind, status) in [
            ("network", 403),
            ("network", 400),
            ("timeout", 504),
            ("too-large", 502),
            ("format", 422),
        ] {
            assert!(!retryable(&service(kind, status)), "{kind} {status}");
        }
    }

    #[test]
    fn three_attempts_with_growing_back_off() {
        let policy = Policy::default();
        let mut retry = Retry::new(false);
        assert_eq!(
            retry.after_failure(&policy, &http(503), None, 1.0),
            Some(500)
        );
        assert_eq!(
            retry.after_failure(&policy, &http(503), None, 1.0),
            Some(1000)
        );
        assert_eq!(retry.after_failure(&policy, &http(503), None, 1.0), None);
    }

    #[test]
    fn a_client_error_is_not_retried() {
        let mut retry = Retry::new(false);
        assert_eq!(
            retry.after_failure(&Policy::default(), &http(404), None, 0.5),
            None
        );
        let mut retry = Retry::new(false);
        let timeout = LoadError::Timeout { seconds: 10 };
        assert_eq!(
            retry.after_failure(&Policy::default(), &timeout, None, 0.5),
            None
        );
    }

    #[test]
    fn jitter_spreads_between_half_and_all_of_the_back_off() {
        let policy = Policy::default();
        assert_eq!(backoff(&policy, 1, 0.0), 250);
        assert_eq!(backoff(&policy, 1, 0.5), 375);
        assert_eq!(backoff(&policy, 3, 0.0), 1000);
        assert_eq!(backoff(&policy, 3, 0.999_999), 1999);
        // Capped, and no overflow however many retries.
        assert_eq!(backoff(&policy, 10, 1.0), 8000);
        assert_eq!(backoff(&policy, u32::MAX, 1.0), 8000);
        // Jitter from a bad source cannot go out of range.
        assert_eq!(backoff(&policy, 1, 7.0), 500);
        assert_eq!(backoff(&policy, 1, -1.0), 250);
    }

    #[test]
    fn retry_after_is_honoured_up_to_a_cap() {
        let policy = Policy::default();
        let mut retry = Retry::new(false);
        assert_eq!(
            retry.after_failure(&policy, &http(429), Some(1000), 0.0),
            Some(1000)
        );
        let mut retry = Retry::new(false);
        assert_eq!(
            retry.after_failure(&policy, &http(503), Some(3_600_000), 0.0),
            None
        );
    }

    #[test]
    fn a_network_error_drops_if_none_match_for_the_next_attempt() {
        let policy = Policy::default();
        let mut retry = Retry::new(true);
        assert!(retry.conditional());
        retry.after_failure(&policy, &http(500), None, 0.0);
        assert!(retry.conditional(), "a server error says nothing of CORS");
        retry.after_failure(&policy, &network(), None, 0.0);
        assert!(!retry.conditional());
    }

    #[test]
    fn retry_after_in_seconds() {
        assert_eq!(parse_retry_after("1", 0), Some(1000));
        assert_eq!(parse_retry_after(" 120 ", 5), Some(120_000));
        assert_eq!(parse_retry_after("0", 0), Some(0));
        assert_eq!(
            parse_retry_after("99999999999999999999999", 0),
            Some(u64::MAX)
        );
        assert_eq!(parse_retry_after("-1", 0), None);
        assert_eq!(parse_retry_after("1.5", 0), None);
        assert_eq!(parse_retry_after("", 0), None);
        assert_eq!(parse_retry_after("soon", 0), None);
    }

    #[test]
    fn retry_after_as_an_http_date() {
        // Sun, 06 Nov 1994 08:49:37 GMT, RFC 9110's example.
        let at = 784_111_777_000;
        for form in [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
        ] {
            assert_eq!(parse_http_date(form), Some(at), "{form}");
        }
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", at - 2000),
            Some(2000)
        );
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", at + 9000),
            Some(0),
            "a date in the past means now"
        );
        assert_eq!(
            parse_http_date("Wed, 29 Feb 2028 00:00:00 GMT"),
            Some(1_835_395_200_000)
        );
        for bad in [
            "Sun, 06 Nov 1994",
            "06 Foo 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 25:00:00 GMT",
            "Sun, 00 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 123456 08:49:37 GMT",
        ] {
            assert_eq!(parse_http_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn cached_copies_are_shown_for_a_week_and_no_store_is_respected() {
        let day = 24 * 3600 * 1000;
        assert!(cache_usable(0, 7 * day));
        assert!(!cache_usable(0, 7 * day + 1));
        assert!(!cache_usable(10 * day, day), "a copy from the future");
        assert!(storable(None));
        assert!(storable(Some("public, max-age=60")));
        assert!(!storable(Some("private, No-Store")));
    }

    #[test]
    fn refresh_is_due_every_interval_while_visible() {
        let mut s = Schedule::new(60, 1_000);
        assert_eq!(s.next(1_000, false), Wake::In(60_000));
        assert_eq!(s.next(31_000, false), Wake::In(30_000));
        assert_eq!(s.next(61_000, false), Wake::Now);
        s.finished(61_500, true);
        assert_eq!(s.next(61_500, false), Wake::In(60_000));
    }

    #[test]
    fn the_interval_is_at_least_thirty_seconds() {
        assert_eq!(Schedule::new(5, 0).next(0, false), Wake::In(30_000));
    }

    #[test]
    fn a_hidden_page_pauses_and_an_overdue_refresh_runs_on_return() {
        let s = Schedule::new(30, 0);
        assert_eq!(s.next(10_000, true), Wake::WhenVisible);
        assert_eq!(s.next(3_600_000, true), Wake::WhenVisible);
        assert_eq!(s.next(3_600_000, false), Wake::Now);
        assert_eq!(
            s.next(20_000, false),
            Wake::In(10_000),
            "back before it was due: the rest of the wait"
        );
    }

    #[test]
    fn failed_refreshes_space_out_and_a_success_restores_the_interval() {
        let mut s = Schedule::new(30, 0);
        let mut waits = Vec::new();
        for _ in 0..8 {
            s.finished(0, false);
            let Wake::In(ms) = s.next(0, false) else {
                panic!()
            };
            waits.push(ms / 1000);
        }
        assert_eq!(waits, [60, 120, 240, 480, 900, 900, 900, 900]);
        s.finished(0, true);
        assert_eq!(s.next(0, false), Wake::In(30_000));
        let mut hourly = Schedule::new(3600, 0);
        hourly.finished(0, false);
        assert_eq!(
            hourly.next(0, false),
            Wake::In(3_600_000),
            "never shorter than asked"
        );
    }
}
