//! Where a feed's next page is, for "Load more".
//!
//! A format states it in `Feed::next_url` (JSON Feed's `next_url`), either as
//! a URL or, when it knows only the parameters (Ghost's
//! `meta.pagination.next` is a page number), as a query such as `?page=2`,
//! which is merged into the document's own URL so that its other parameters
//! (an API key, a limit) are kept. Failing that, the response's headers may
//! say: a `Link: <…>; rel="next"` header (RFC 8288, which WordPress sends), or
//! WordPress's `X-WP-TotalPages` with the `page` parameter of the URL.

/// The next page of the document at `url`: what the format stated, else what
/// the headers said (`from_headers`).
pub fn next_page(
    stated: Option<String>,
    url: &str,
    from_headers: Option<String>,
) -> Option<String> {
    match stated {
        Some(query) if query.starts_with('?') => Some(merge_query(url, &query)),
        Some(stated) => Some(stated),
        None => from_headers,
    }
}

/// The target of the `rel="next"` link in a `Link` header, as written (it may
/// be relative to the document).
pub fn link_next(header: &str) -> Option<&str> {
    let mut rest = header;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let close = after.find('>')?;
        let target = &after[..close];
        let params = &after[close + 1..];
        let end = params.find('<').unwrap_or(params.len());
        let is_next = params[..end].split(';').any(|param| {
            param.split_once('=').is_some_and(|(name, value)| {
                name.trim().eq_ignore_ascii_case("rel")
                    && value
                        .trim()
                        .trim_matches('"')
                        .split_ascii_whitespace()
                        .any(|rel| rel.eq_ignore_ascii_case("next"))
            })
        });
        if is_next {
            return Some(target.trim());
        }
        rest = &params[end..];
    }
    None
}

/// The next page from WordPress's `X-WP-TotalPages`: the `page` parameter of
/// `url` (1 when absent) plus one, while there are pages left.
pub fn total_pages_next(url: &str, total_pages: &str) -> Option<String> {
    let total: u32 = total_pages.trim().parse().ok()?;
    let current: u32 = query_param(url, "page").map_or(Some(1), |p| p.parse().ok())?;
    (current < total).then(|| merge_query(url, &format!("?page={}", current + 1)))
}

/// The value of the query parameter `name` in `url`, as written.
fn query_param<'a>(url: &'a str, name: &str) -> Option<&'a str> {
    let (_, query) = split(url).0.split_once('?')?;
    query
        .split('&')
        .find_map(|pair| match pair.split_once('=') {
            Some((n, v)) if n == name => Some(v),
            None if pair == name => Some(""),
            _ => None,
        })
}

/// `url` with the parameters of `query` (`?a=1&b=2`) set: each replaces the
/// parameters of the same name, the others are kept in order.
pub fn merge_query(url: &str, query: &str) -> String {
    let (rest, fragment) = split(url);
    let (path, old) = rest.split_once('?').unwrap_or((rest, ""));
    let new: Vec<&str> = query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .collect();
    let name = |pair: &str| pair.split('=').next().unwrap_or("").to_owned();
    let names: Vec<String> = new.iter().map(|p| name(p)).collect();
    let kept = old
        .split('&')
        .filter(|p| !p.is_empty() && !names.contains(&name(p)));
    let pairs: Vec<&str> = kept.chain(new.iter().copied()).collect();
    let mut out = path.to_owned();
    if !pairs.is_empty() {
        out.push('?');
        out.push_str(&pairs.join("&"));
    }
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }
    out
}

fn split(url: &str) -> (&str, Option<&str>) {
    match url.split_once('#') {
        Some((rest, fragment)) => (rest, Some(fragment)),
        None => (url, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_states_it_first_and_a_query_keeps_the_other_parameters() {
        let url = "https://blog.example/ghost/api/content/posts/?key=abc&limit=5&page=1";
        assert_eq!(
            next_page(Some("?page=2".into()), url, Some("ignored".into())).as_deref(),
            Some("https://blog.example/ghost/api/content/posts/?key=abc&limit=5&page=2")
        );
        assert_eq!(
            next_page(Some("feed-2.json".into()), url, None).as_deref(),
            Some("feed-2.json")
        );
        assert_eq!(
            next_page(None, url, Some("from-headers".into())).as_deref(),
            Some("from-headers")
        );
        assert_eq!(next_page(None, url, None), None);
    }

    #[test]
    fn link_headers() {
        let wp = r#"<https://news.example/wp-json/wp/v2/posts?page=1>; rel="prev", <https://news.example/wp-json/wp/v2/posts?page=3>; rel="next""#;
        assert_eq!(
            link_next(wp),
            Some("https://news.example/wp-json/wp/v2/posts?page=3")
        );
        assert_eq!(link_next("</feed?p=2,3>;rel=next"), Some("/feed?p=2,3"));
        assert_eq!(link_next(r#"<a>; title="x"; REL="prev Next""#), Some("a"));
        assert_eq!(link_next(r#"<a>; rel="prev""#), None);
        assert_eq!(link_next(r#"<a; rel="next""#), None);
        assert_eq!(link_next(""), None);
    }

    #[test]
    fn wordpress_total_pages() {
        let base = "https://news.example/wp-json/wp/v2/posts?_embed&per_page=5";
        assert_eq!(
            total_pages_next(base, "3").as_deref(),
            Some("https://news.example/wp-json/wp/v2/posts?_embed&per_page=5&page=2")
        );
        assert_eq!(
            total_pages_next(&format!("{base}&page=2#top"), " 3 ").as_deref(),
            Some("https://news.example/wp-json/wp/v2/posts?_embed&per_page=5&page=3#top")
        );
        assert_eq!(total_pages_next(&format!("{base}&page=3"), "3"), None);
        assert_eq!(total_pages_next(base, "1"), None);
        assert_eq!(total_pages_next(base, "many"), None);
        assert_eq!(total_pages_next(&format!("{base}&page=x"), "3"), None);
    }

    #[test]
    fn merging_queries() {
        assert_eq!(
            merge_query("https://a.example/f", "?page=2"),
            "https://a.example/f?page=2"
        );
        assert_eq!(
            merge_query("https://a.example/f?page=1&page=9&k=v#x", "?page=2&n=1"),
            "https://a.example/f?k=v&page=2&n=1#x"
        );
        assert_eq!(
            merge_query("https://a.example/f?k", "?"),
            "https://a.example/f?k"
        );
    }
}
