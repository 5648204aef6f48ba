//! article-widget: news articles from feeds, rendered by Yew inside any page.
//!
//! The pipeline, one module per step, each importing only what is below it:
//! [`source`] fetches the document, [`load`] joins a document (fetched,
//! cached or inline) to the [`model::Feed`] it shows, [`formats`] turns a
//! document into the model (detection, one adapter per format, then the tail
//! every format shares), [`body`] makes untrusted article HTML into typed
//! blocks, and [`components`] render it, with [`hooks`] holding the state.
//! Under them, leaves that import nothing of the crate: [`text`] (whitespace,
//! paragraphs, HTML → text), [`url`] (resolution, canonical form, allowed
//! schemes), [`contract`] (the public contract, declared once in
//! `src/contract.json`) and [`timestamp`]. The `<article-widget>` custom
//! element (in `element`, browser only) is a thin user of [`ArticleWidget`],
//! which a Yew application can render directly.
//!
//! # Use from Yew
//!
//! [`ArticleWidget`] takes typed props that mirror the element's attributes
//! ([`ArticleWidgetProps`]), plus callbacks for its state and for links, and a
//! fetching [`Policy`](source::Policy):
//!
//! ```
//! use article_widget::config::{Layout, Theme};
//! use article_widget::ArticleWidget;
//! use yew::prelude::*;
//!
//! #[component]
//! fn Page() -> Html {
//!     html! {
//!         <ArticleWidget src="https://news.example/feed.json" layout={Layout::Cards}
//!             limit={6} lang="vi" theme={Theme::Dark} />
//!     }
//! }
//! # let _ = html! { <Page /> };
//! ```
//!
//! # Reading feeds without Yew
//!
//! [`formats::parse`] turns a JSON Feed, WordPress REST, Ghost Content API or
//! schema.org JSON-LD document into a [`model::Feed`] of
//! [`Article`](model::Article)s, newest first:
//!
//! ```
//! let feed = article_widget::formats::parse(
//!     r#"{"@context": "https://schema.org", "@type": "NewsArticle",
//!         "headline": "Lạng Sơn", "datePublished": "2021-06-25T11:15:00+07:00",
//!         "author": {"@type": "Person", "name": "P.V"}}"#,
//! )
//! .expect("a schema.org NewsArticle");
//! assert_eq!(feed.items[0].headline, "Lạng Sơn");
//! assert_eq!(feed.items[0].authors, ["P.V"]);
//! ```

pub mod body;
pub mod components;
pub mod config;
pub mod contract;
pub mod error;
pub mod formats;
pub mod hooks;
pub mod i18n;
pub mod load;
pub mod model;
pub mod source;
pub mod text;
pub mod timestamp;
pub mod url;

#[cfg(target_arch = "wasm32")]
pub mod element;

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub use components::{ArticleWidget, ArticleWidgetProps, WidgetState};

/// The widget's stylesheet (`styles/widget.css` without its comments and
/// indentation), for applications that render [`ArticleWidget`] into a
/// shadow root of their own.
pub const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));
