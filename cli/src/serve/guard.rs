//! What the service may fetch: allow-listed origins, over `http(s)`, at
//! addresses outside every internal range. Checked on every hop (the first
//! request and each redirect) and, for names, after DNS resolution: the
//! resolver the HTTP client uses refuses to hand out an internal address, so
//! the address checked is the address connected to.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use url::{Host, Origin, Url};

use super::problem::FetchError;

/// The origins feeds may come from.
#[derive(Clone, Debug, Default)]
pub struct AllowList {
    origins: Vec<Origin>,
}

impl AllowList {
    /// Parses origins like `https://news.example` or `http://127.0.0.1:4180`.
    /// A path of `/` is tolerated; any other path, a query or credentials are
    /// refused, so an entry never looks narrower than it is.
    pub fn parse(entries: &[String]) -> Result<AllowList, String> {
        let mut origins = Vec::new();
        for entry in entries.iter().map(|e| e.trim()).filter(|e| !e.is_empty()) {
            let url = Url::parse(entry)
                .map_err(|e| format!("allow-list entry {entry:?} is not an origin: {e}"))?;
            if !matches!(url.scheme(), "http" | "https") {
                return Err(format!(
                    "allow-list entry {entry:?}: only http and https origins"
                ));
            }
            if url.path() != "/" || url.query().is_some() || !url.username().is_empty() {
                return Err(format!(
                    "allow-list entry {entry:?}: give an origin (scheme, host, port), without path or query"
                ));
            }
            origins.push(url.origin());
        }
        if origins.is_empty() {
            return Err(
                "no origin is allowed: pass --allow https://news.example (or ARTICLE_WIDGET_ALLOW, or --allow-file)"
                    .to_owned(),
            );
        }
        Ok(AllowList { origins })
    }

    /// Whether `url` is on an allowed origin.
    pub fn allows(&self, url: &Url) -> bool {
        let origin = url.origin();
        self.origins.contains(&origin)
    }
}

/// The entries of an allow-list file: one origin a line, `#` comments.
pub fn allow_file_entries(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The rules every upstream URL and address must pass.
#[derive(Debug)]
pub struct Guard {
    allow: AllowList,
    allow_loopback: bool,
    // `render`'s guard: the operator named the URL, so any origin and address.
    anywhere: bool,
}

impl Guard {
    /// The rules for these origins; `allow_loopback` lets them be on this machine.
    pub fn new(allow: AllowList, allow_loopback: bool) -> Guard {
        Guard {
            allow,
            allow_loopback,
            anywhere: false,
        }
    }

    /// The rules for a URL the operator chose (`render`): `http(s)` without
    /// credentials, on any origin and at any address, this machine's and the
    /// private network's included.
    pub fn operator() -> Guard {
        Guard {
            allow: AllowList::default(),
            allow_loopback: true,
            anywhere: true,
        }
    }

    /// Checks a URL before it is requested: the scheme, credentials, the
    /// allow-list and, when the host is an address, the address. Names are
    /// checked once resolved ([`Guard::check_address`], through the resolver).
    pub fn check_url(&self, url: &Url) -> Result<(), FetchError> {
        if !matches!(url.scheme(), "http" | "https") {
            return Err(FetchError::BadRequest(format!(
                "only http and https feeds are served, not {}:",
                url.scheme()
            )));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(FetchError::BadRequest(
                "feed URLs with credentials are not served".to_owned(),
            ));
        }
        if !self.anywhere && !self.allow.allows(url) {
            return Err(FetchError::NotAllowed {
                origin: url.origin().ascii_serialization(),
            });
        }
        let address = match url.host() {
            Some(Host::Ipv4(ip)) => IpAddr::V4(ip),
            Some(Host::Ipv6(ip)) => IpAddr::V6(ip),
            Some(Host::Domain(_)) => return Ok(()),
            None => {
                return Err(FetchError::BadRequest(
                    "the feed URL has no host".to_owned(),
                ))
            }
        };
        self.check_address(url.host_str().unwrap_or_default(), address)
    }

    /// Refuses internal addresses (loopback only without `allow_loopback`).
    pub fn check_address(&self, host: &str, address: IpAddr) -> Result<(), FetchError> {
        match classify(address) {
            _ if self.anywhere => Ok(()),
            Reach::Public => Ok(()),
            Reach::Loopback if self.allow_loopback => Ok(()),
            _ => Err(FetchError::ForbiddenAddress {
                host: host.to_owned(),
                address,
            }),
        }
    }

    /// Whether `url` may be named as a next page through the service.
    pub fn allows(&self, url: &Url) -> bool {
        self.check_url(url).is_ok()
    }
}

/// Where an address leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reach {
    /// The public internet.
    Public,
    /// This machine.
    Loopback,
    /// Anything else that is not public: private, link-local, multicast,
    /// unspecified, shared, reserved, documentation ranges.
    Internal,
}

fn classify(address: IpAddr) -> Reach {
    match address {
        IpAddr::V4(ip) => classify_v4(ip),
        IpAddr::V6(ip) => classify_v6(ip),
    }
}

fn classify_v4(ip: Ipv4Addr) -> Reach {
    let [a, b, c, _] = ip.octets();
    if ip.is_loopback() {
        return Reach::Loopback;
    }
    let internal = ip.is_private()
        || ip.is_link_local()
        || ip.is_multicast()
        || ip.is_broadcast()
        || ip.is_documentation()
        || a == 0 // "this network", 0.0.0.0 included
        || (a == 100 && (64..128).contains(&b)) // shared address space (CGNAT)
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 198 && (18..20).contains(&b)) // benchmarking
        || a >= 240; // reserved
    if internal {
        Reach::Internal
    } else {
        Reach::Public
    }
}

fn classify_v6(ip: Ipv6Addr) -> Reach {
    if ip.is_loopback() {
        return Reach::Loopback;
    }
    // Addresses that carry an IPv4 address are what that address is:
    // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64
    // (64:ff9b::a.b.c.d) and 6to4 (2002:AABB:CCDD::).
    let segments = ip.segments();
    let embedded = |hi: u16, lo: u16| Ipv4Addr::from((u32::from(hi) << 16) | u32::from(lo));
    if let Some(v4) = ip.to_ipv4_mapped() {
        return classify_v4(v4);
    }
    if segments[..6] == [0; 6] {
        return classify_v4(embedded(segments[6], segments[7]));
    }
    if segments[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        return classify_v4(embedded(segments[6], segments[7]));
    }
    if segments[0] == 0x2002 {
        return classify_v4(embedded(segments[1], segments[2]));
    }
    let internal = ip.is_unspecified()
        || ip.is_multicast()
        || (segments[0] & 0xfe00) == 0xfc00 // unique local (fc00::/7)
        || (segments[0] & 0xffc0) == 0xfe80 // link-local (fe80::/10)
        || (segments[0] & 0xffc0) == 0xfec0 // site-local, deprecated (fec0::/10)
        || (segments[0] == 0x2001 && segments[1] == 0x0db8) // documentation
        || (segments[0] == 0x2001 && segments[1] == 0) // Teredo: tunnels to anywhere
        || (segments[0] == 0x0100 && segments[1..4] == [0, 0, 0]); // discard-only
    if internal {
        Reach::Internal
    } else {
        Reach::Public
    }
}

/// The HTTP client's DNS resolver: the system's answers, refused when any of
/// them is internal (a name that points both outside and inside is treated
/// as pointing inside).
#[derive(Debug)]
pub struct Resolver {
    pub(super) guard: std::sync::Arc<Guard>,
}

impl reqwest::dns::Resolve for Resolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let guard = self.guard.clone();
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let addresses: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            for address in &addresses {
                guard.check_address(&host, address.ip())?;
            }
            if addresses.is_empty() {
                return Err(format!("{host} has no address").into());
            }
            let addresses: reqwest::dns::Addrs = Box::new(addresses.into_iter());
            Ok(addresses)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guard(origins: &[&str], allow_loopback: bool) -> Guard {
        let origins: Vec<String> = origins.iter().map(|o| (*o).to_owned()).collect();
        Guard::new(AllowList::parse(&origins).unwrap(), allow_loopback)
    }

    fn url(text: &str) -> Url {
        Url::parse(text).unwrap()
    }

    #[test]
    fn internal_addresses_of_every_kind_are_refused() {
        for internal in [
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "224.0.0.1",
            "255.255.255.255",
            "::",
            "fe80::1",
            "fd00::1",
            "fc00::1",
            "ff02::1",
            "::ffff:10.0.0.1",
            "::ffff:169.254.169.254",
            "64:ff9b::a00:1",
            "2002:a00:1::",
        ] {
            let ip: IpAddr = internal.parse().unwrap();
            assert_eq!(classify(ip), Reach::Internal, "{internal}");
        }
        for loopback in [
            "127.0.0.1",
            "127.255.0.9",
            "::1",
            "::ffff:127.0.0.1",
            "::127.0.0.1",
        ] {
            let ip: IpAddr = loopback.parse().unwrap();
            assert_eq!(classify(ip), Reach::Loopback, "{loopback}");
        }
        for public in [
            "93.184.215.14",
            "1.1.1.1",
            "2606:4700::1111",
            "::ffff:8.8.8.8",
        ] {
            let ip: IpAddr = public.parse().unwrap();
            assert_eq!(classify(ip), Reach::Public, "{public}");
        }
    }

    #[test]
    fn loopback_is_allowed_only_by_the_flag_and_internal_never() {
        let loopback: IpAddr = "127.0.0.1".parse().unwrap();
        let private: IpAddr = "10.0.0.1".parse().unwrap();
        assert!(guard(&["http://a.example"], false)
            .check_address("a", loopback)
            .is_err());
        assert!(guard(&["http://a.example"], true)
            .check_address("a", loopback)
            .is_ok());
        assert!(guard(&["http://a.example"], true)
            .check_address("a", private)
            .is_err());
    }

    #[test]
    fn urls_are_checked_for_scheme_allow_list_and_literal_addresses() {
        let g = guard(
            &[
                "https://news.example",
                "http://127.0.0.1:8080",
                "http://[::1]:8080",
            ],
            false,
        );
        assert!(g.check_url(&url("https://news.example/feed.json")).is_ok());
        assert!(g.check_url(&url("https://NEWS.example:443/x")).is_ok());
        for (text, expected) in [
            ("http://news.example/feed.json", "not-allowed"),
            ("https://news.example:8443/", "not-allowed"),
            ("https://other.example/", "not-allowed"),
            ("file:///etc/passwd", "bad-request"),
            ("gopher://news.example/", "bad-request"),
            ("https://user:pw@news.example/", "bad-request"),
            // Decimal and hex spellings of 127.0.0.1 parse to the address
            // itself, which the allow-list names, and the address is refused.
            ("http://2130706433:8080/", "forbidden-address"),
            ("http://0x7f.1:8080/", "forbidden-address"),
            ("http://127.1:8080/", "forbidden-address"),
            ("http://[::1]:8080/", "forbidden-address"),
        ] {
            let error = g.check_url(&url(text)).unwrap_err();
            assert_eq!(error.slug(), expected, "{text}: {error}");
        }
    }

    #[test]
    fn allow_list_entries_are_origins() {
        assert!(AllowList::parse(&["https://a.example/feeds/".into()]).is_err());
        assert!(AllowList::parse(&["ftp://a.example".into()]).is_err());
        assert!(AllowList::parse(&[" ".into()]).is_err());
        let file = "# partners\nhttps://a.example  # main site\n\nhttp://b.example:8080\n";
        assert_eq!(
            allow_file_entries(file),
            ["https://a.example", "http://b.example:8080"]
        );
    }
}
