//! `article-widget render`: a feed and the element's attributes in, a
//! pre-rendered `<article-widget>` out.
//!
//! The snippet holds a declarative shadow root with the same Yew components
//! the browser renders (`ArticleSnapshot`, through Yew's `ServerRenderer`,
//! which escapes every text and attribute), a link to the hashed stylesheet
//! `make build` writes to `dist/`, and, for an element without `src`, the
//! feed itself as the element's data island. Readers see the articles before
//! any script runs; the widget takes the root over when it starts.

mod feed;
mod fetch;
mod snippet;
#[cfg(test)]
mod tests;

use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::rc::Rc;

use article_widget::components::{ArticleSnapshot, ArticleSnapshotProps};
use article_widget::config::{Config, ATTRIBUTES};
use article_widget::formats::FormatError;
use article_widget::ArticleWidgetProps;
use yew::LocalServerRenderer;

pub use snippet::stylesheet_name;

/// Pre-renders an <article-widget> into declarative shadow DOM.
///
/// Reads a feed (JSON Feed, WordPress REST, Ghost, schema.org JSON-LD, RSS,
/// Atom) from a file, standard input or a URL, and the element's attributes,
/// and writes an HTML snippet to paste where the
/// element goes: the rendered articles inside
/// `<template shadowrootmode="open">`, readable with JavaScript off, which
/// the widget takes over when its script runs.
///
/// Example:
///   article-widget render sample/feed.json layout=list limit=4 lang=vi \
///     --assets https://cdn.example/article-widget/ > latest.html
///   article-widget render https://news.example/feed.json layout=article lang=vi
///
/// A URL is fetched as the feed service fetches (`serve`): 10 s in all, at
/// most 5 redirects, at most 5 MB, a feed's Content-Type (not a web page).
/// Unlike the service, it may be on any host, this machine and the private
/// network included: the operator chose it.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The feed: a file, `-` for standard input, or an http(s) URL. A URL is
    /// fetched with the feed service's limits (10 s in all, at most 5
    /// redirects and 5 MB, a feed's Content-Type), from any host, this
    /// machine and the private network included: you chose it. Its relative
    /// URLs resolve against where it was found.
    #[arg(value_name = "FEED")]
    feed: PathBuf,
    /// The element's attributes as NAME=VALUE: src, layout, item, limit,
    /// lang, time-zone, theme, refresh, heading-level, target (and id, class,
    /// data-*, aria-* for the page's own use). Without
    /// `src` the feed is embedded as the element's data island; with it the
    /// widget fetches `src` when it takes over.
    #[arg(value_name = "NAME=VALUE")]
    attributes: Vec<String>,
    /// The URL the feed's relative links and images resolve against: the
    /// feed's own URL (default: the URL it was fetched from, after
    /// redirects, else the `src` attribute, when absolute), or the page's
    /// for an embedded feed.
    #[arg(long, value_name = "URL")]
    base: Option<String>,
    /// Where `dist/` is served from, ending in `/`; the stylesheet link is
    /// this followed by the hashed stylesheet's name.
    #[arg(long, value_name = "URL", default_value = "")]
    assets: String,
    /// Write the snippet to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Why no snippet was written.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The feed file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: io::Error,
    },
    /// The feed's URL could not be fetched.
    #[error("cannot fetch {url}: {source}")]
    Fetch {
        /// The URL.
        url: String,
        /// Why, as the feed service says it.
        source: crate::serve::problem::FetchError,
    },
    /// The feed is not a document the widget reads.
    #[error("not a feed the widget reads: {0}")]
    Format(#[from] FormatError),
    /// An attribute argument without `=`.
    #[error("{0:?} is not NAME=VALUE")]
    Attribute(String),
    /// An attribute the element does not read.
    #[error("the element has no attribute {name:?}; it reads {known}")]
    UnknownAttribute {
        /// The name given.
        name: String,
        /// The names it reads.
        known: String,
    },
    /// `--base` is not an absolute URL.
    #[error("--base {0:?} is not an absolute URL")]
    Base(String),
    /// The snippet could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: String,
        /// Why.
        source: io::Error,
    },
}

/// Runs `article-widget render`.
pub fn run(args: &Args) -> Result<(), RenderError> {
    let attributes = attributes(&args.attributes)?;
    let name = args.feed.to_string_lossy();
    let (text, fetched_from) = if fetch::is_url(&name) {
        let base = match &args.base {
            Some(base) => Some(
                url::Url::parse(base)
                    .ok()
                    .filter(|u| !u.cannot_be_a_base())
                    .ok_or_else(|| RenderError::Base(base.clone()))?,
            ),
            None => None,
        };
        let (text, url) =
            fetch::fetch(&name, base.as_ref()).map_err(|source| RenderError::Fetch {
                url: name.to_string(),
                source,
            })?;
        (text, Some(url.to_string()))
    } else {
        let text = read(&args.feed).map_err(|source| RenderError::Read {
            path: args.feed.display().to_string(),
            source,
        })?;
        (text, None)
    };
    let base = args.base.as_deref().or(fetched_from.as_deref());
    let html = render(&text, &attributes, base, &args.assets)?;
    let written = match &args.output {
        Some(file) => std::fs::write(file, &html).map_err(|source| (file.display(), source)),
        None => io::stdout()
            .lock()
            .write_all(html.as_bytes())
            .map_err(|source| (std::path::Path::new("-").display(), source)),
    };
    written.map_err(|(path, source)| RenderError::Write {
        path: path.to_string(),
        source,
    })
}

/// The snippet for a feed's `text` and the element's `attributes` (name,
/// value; in the order given), with relative URLs resolved against `base`
/// and the stylesheet under `assets`. Values the element ignores are
/// reported on standard error, as the browser's widget warns in its console.
pub fn render(
    text: &str,
    attributes: &[(String, String)],
    base: Option<&str>,
    assets: &str,
) -> Result<String, RenderError> {
    let (html, warnings) = snippet_of(text, attributes, base, assets)?;
    for warning in warnings {
        eprintln!("{warning}");
    }
    Ok(html)
}

/// What [`render`] writes, and the warnings for the values the element
/// ignores (the same the browser's widget gives), for callers that report
/// them their own way: the feed service's `GET /v1/render`.
pub fn snippet_of(
    text: &str,
    attributes: &[(String, String)],
    base: Option<&str>,
    assets: &str,
) -> Result<(String, Vec<String>), RenderError> {
    let get = |name: &str| {
        attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    let (config, warnings) = Config::parse(get);
    let base = match base {
        Some(base) => Some(feed::absolute(base).ok_or_else(|| RenderError::Base(base.to_owned()))?),
        None => config.src.as_deref().and_then(feed::absolute),
    };
    let feed = feed::read(text, base.as_deref())?;
    let embedded = config.src.is_none();
    let props = ArticleSnapshotProps {
        feed: Rc::new(feed),
        widget: ArticleWidgetProps::from_config(config),
    };
    let markup = futures::executor::block_on(
        LocalServerRenderer::<ArticleSnapshot>::with_props(props)
            .hydratable(false)
            .render(),
    );
    let island = embedded.then(|| snippet::island(text));
    let html = snippet::snippet(
        attributes,
        &format!("{assets}{}", stylesheet_name()),
        &markup,
        island.as_deref(),
    );
    Ok((html, warnings))
}

/// Why `value` is not one the element reads for attribute `name`, in the
/// widget's own words; `None` when it reads it.
pub fn attribute_problem(name: &str, value: &str) -> Option<String> {
    let (_, warnings) = Config::parse(|n| (n == name).then(|| value.to_owned()));
    warnings.into_iter().next()
}

fn read(path: &std::path::Path) -> io::Result<String> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        io::stdin().lock().read_to_string(&mut text)?;
        Ok(text)
    } else {
        std::fs::read_to_string(path)
    }
}

/// `NAME=VALUE` arguments as pairs, each name one the element reads or a
/// global one a page may want on it (`id`, `class`, `data-*`, `aria-*`).
fn attributes(args: &[String]) -> Result<Vec<(String, String)>, RenderError> {
    args.iter()
        .map(|arg| {
            let (name, value) = arg
                .split_once('=')
                .ok_or_else(|| RenderError::Attribute(arg.clone()))?;
            attribute(name, value)
        })
        .collect()
}

/// One attribute as a pair, its name lower-cased: a name the element reads
/// or a global one a page may want on it (`id`, `class`, `data-*`, `aria-*`).
pub fn attribute(name: &str, value: &str) -> Result<(String, String), RenderError> {
    let name = name.trim().to_ascii_lowercase();
    if !ATTRIBUTES.contains(&name.as_str()) && !global(&name) {
        return Err(RenderError::UnknownAttribute {
            name,
            known: format!("{}, id, class, data-*, aria-*", ATTRIBUTES.join(", ")),
        });
    }
    Ok((name, value.to_owned()))
}

fn global(name: &str) -> bool {
    let custom = ["data-", "aria-"]
        .iter()
        .any(|prefix| name.len() > prefix.len() && name.starts_with(prefix));
    let plain = name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    plain
        && (custom || matches!(name, "id" | "class"))
        && name != "data-state"
        && name != "data-prerendered"
}
