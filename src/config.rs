//! The element's attributes as typed values, with the contract's defaults.
//!
//! A bad value never breaks the widget: it falls back to the default and the
//! element warns once in the console with the message [`Config::parse`] returns.

use yew::AttrValue;

/// How articles are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// One article in full.
    Article,
    /// Headlines with dateline, thumbnail and summary.
    List,
    /// A grid of cards.
    Cards,
}

impl Layout {
    /// The value of the `layout` attribute, and of the widget root's `data-layout`.
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Article => "article",
            Layout::List => "list",
            Layout::Cards => "cards",
        }
    }
}

/// Which item `layout="article"` shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ItemRef {
    /// The item whose `id` is this.
    Id(AttrValue),
    /// The item at this 0-based position.
    Index(usize),
}

/// The zone dates are shown in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum TimeZone {
    /// The offset the data states (`GMT+7` for the seed article).
    #[default]
    Source,
    /// The reader's own zone.
    Local,
    /// An IANA zone such as `Asia/Ho_Chi_Minh`.
    Named(AttrValue),
}

/// Colour scheme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follows `prefers-color-scheme`.
    #[default]
    Auto,
    /// Dark text on light.
    Light,
    /// Light text on dark.
    Dark,
}

impl Theme {
    /// The value written to the widget root's `data-theme`.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Where article links open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Target {
    /// The same browsing context.
    #[default]
    SelfTarget,
    /// A new tab, with `rel="noopener noreferrer"`.
    Blank,
    /// The top-level context, out of any iframe.
    Top,
}

impl Target {
    /// The `target` attribute value.
    pub fn as_str(self) -> &'static str {
        match self {
            Target::SelfTarget => "_self",
            Target::Blank => "_blank",
            Target::Top => "_top",
        }
    }
}

pub use crate::contract::ATTRIBUTES;

/// The longest `refresh`, in seconds: a day. Longer waits are not useful
/// and would overflow the browser's timers.
pub const MAX_REFRESH: u32 = 86_400;

/// The typed attributes of one element.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// `src`, as written (resolved against the page when fetched).
    pub src: Option<AttrValue>,
    /// `layout`; `None` picks by the document (one article → article view).
    pub layout: Option<Layout>,
    /// `item`.
    pub item: Option<ItemRef>,
    /// `limit`, 1–100.
    pub limit: usize,
    /// `lang`.
    pub lang: Option<AttrValue>,
    /// `time-zone`.
    pub time_zone: TimeZone,
    /// `theme`.
    pub theme: Theme,
    /// `refresh` in seconds, 0 or ≥ 30.
    pub refresh: u32,
    /// `heading-level`, 1–6.
    pub heading_level: u8,
    /// `target`.
    pub target: Target,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            src: None,
            layout: None,
            item: None,
            limit: 10,
            lang: None,
            time_zone: TimeZone::Source,
            theme: Theme::Auto,
            refresh: 0,
            heading_level: 2,
            target: Target::SelfTarget,
        }
    }
}

impl Config {
    /// Reads attributes through `get`; returns the config and one warning per
    /// value that was ignored.
    pub fn parse(get: impl Fn(&str) -> Option<String>) -> (Config, Vec<String>) {
        let mut warnings = Vec::new();
        let mut config = Config::default();
        let mut bad = |name: &str, value: &str, expected: &str| {
            warnings.push(format!(
                "<article-widget>: ignoring {name}=\"{value}\" (expected {expected}); using the default."
            ));
        };
        let attr = |name: &str| {
            // HTML's whitespace, as `src/early.js` trims it too.
            get(name)
                .map(|v| v.trim_matches(|c: char| c.is_ascii_whitespace()).to_owned())
                .filter(|v| !v.is_empty())
        };

        config.src = attr("src").map(AttrValue::from);
        if let Some(v) = attr("layout") {
            match v.to_ascii_lowercase().as_str() {
                "article" => config.layout = Some(Layout::Article),
                "list" => config.layout = Some(Layout::List),
                "cards" => config.layout = Some(Layout::Cards),
                _ => bad("layout", &v, "article, list or cards"),
            }
        }
        config.item = attr("item").map(|v| match v.parse::<usize>() {
            Ok(i) => ItemRef::Index(i),
            Err(_) => ItemRef::Id(v.into()),
        });
        if let Some(v) = attr("limit") {
            match v.parse::<usize>() {
                Ok(n @ 1..=100) => config.limit = n,
                _ => bad("limit", &v, "a whole number from 1 to 100"),
            }
        }
        config.lang = attr("lang").map(AttrValue::from);
        if let Some(v) = attr("time-zone") {
            config.time_zone = match v.as_str() {
                "source" => TimeZone::Source,
                "local" => TimeZone::Local,
                _ if v.contains('/') || v.eq_ignore_ascii_case("UTC") => TimeZone::Named(v.into()),
                _ => {
                    bad(
                        "time-zone",
                        &v,
                        "source, local or an IANA name like Asia/Ho_Chi_Minh",
                    );
                    TimeZone::Source
                }
            };
        }
        if let Some(v) = attr("theme") {
            match v.to_ascii_lowercase().as_str() {
                "auto" => config.theme = Theme::Auto,
                "light" => config.theme = Theme::Light,
                "dark" => config.theme = Theme::Dark,
                _ => bad("theme", &v, "light, dark or auto"),
            }
        }
        if let Some(v) = attr("refresh") {
            match v.parse::<u32>() {
                Ok(0) => config.refresh = 0,
                Ok(n @ 30..=MAX_REFRESH) => config.refresh = n,
                Ok(n) if n > MAX_REFRESH => {
                    config.refresh = MAX_REFRESH;
                    bad("refresh", &v, "at most 86400 seconds (a day); using a day");
                }
                Ok(_) => {
                    bad("refresh", &v, "0 or at least 30 seconds");
                }
                Err(_) => bad("refresh", &v, "a number of seconds"),
            }
        }
        if let Some(v) = attr("heading-level") {
            match v.parse::<u8>() {
                Ok(n @ 1..=6) => config.heading_level = n,
                _ => bad("heading-level", &v, "1 to 6"),
            }
        }
        if let Some(v) = attr("target") {
            match v.to_ascii_lowercase().as_str() {
                "_self" => config.target = Target::SelfTarget,
                "_blank" => config.target = Target::Blank,
                "_top" => config.target = Target::Top,
                _ => bad("target", &v, "_self, _blank or _top"),
            }
        }
        (config, warnings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> (Config, Vec<String>) {
        Config::parse(|name| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn no_attributes_give_the_contract_defaults() {
        let (config, warnings) = parse(&[]);
        assert_eq!(config, Config::default());
        assert_eq!(
            (config.limit, config.heading_level, config.refresh),
            (10, 2, 0)
        );
        assert!(warnings.is_empty());
    }

    #[test]
    fn good_values_are_read() {
        let (c, w) = parse(&[
            ("src", " feed.json "),
            ("layout", "cards"),
            ("item", "3"),
            ("limit", "6"),
            ("lang", "vi"),
            ("time-zone", "Asia/Ho_Chi_Minh"),
            ("theme", "dark"),
            ("refresh", "60"),
            ("heading-level", "3"),
            ("target", "_blank"),
        ]);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c.src.as_deref(), Some("feed.json"));
        assert_eq!(c.layout, Some(Layout::Cards));
        assert_eq!(c.item, Some(ItemRef::Index(3)));
        assert_eq!(c.time_zone, TimeZone::Named("Asia/Ho_Chi_Minh".into()));
        assert_eq!((c.limit, c.refresh, c.heading_level), (6, 60, 3));
        assert_eq!((c.theme, c.target), (Theme::Dark, Target::Blank));
        assert_eq!(
            parse(&[("item", "story-7")]).0.item,
            Some(ItemRef::Id("story-7".into()))
        );
    }

    #[test]
    fn bad_values_fall_back_and_warn_once_each() {
        let (c, w) = parse(&[
            ("layout", "carousel"),
            ("limit", "abc"),
            ("heading-level", "9"),
            ("refresh", "5"),
            ("theme", "neon"),
            ("time-zone", "Mars"),
            ("target", "_parent"),
        ]);
        assert_eq!(c, Config::default());
        assert_eq!(w.len(), 7, "{w:#?}");
        assert!(w[0].contains("layout=\"carousel\""));
        assert_eq!(parse(&[("limit", "0")]).0.limit, 10);
        assert_eq!(parse(&[("limit", "101")]).0.limit, 10);
    }

    #[test]
    fn refresh_is_at_most_a_day_so_timers_cannot_wrap() {
        let (c, w) = parse(&[("refresh", "2147484")]);
        assert_eq!((c.refresh, w.len()), (MAX_REFRESH, 1));
        assert_eq!(parse(&[("refresh", "86400")]).0.refresh, MAX_REFRESH);
        assert_eq!(parse(&[("refresh", "99999999999")]).0.refresh, 0);
    }
}
