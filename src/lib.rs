//! article-widget: news articles from JSON feeds, rendered by Yew inside any page.
//!
//! The pipeline, one module per step: [`source`] fetches the document,
//! [`formats`] turns it into the [`model`], [`body`] makes article text safe to
//! render, and [`components`] render it. The `<article-widget>` custom element
//! (in `element`, browser only) is a thin user of [`ArticleWidget`], which a
//! Yew application can render directly.

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

pub use components::{ArticleWidget, ArticleWidgetProps, WidgetState};

/// The widget's stylesheet (`styles/widget.css`), for applications that render
/// [`ArticleWidget`] into a shadow root of their own.
pub const STYLESHEET: &str = include_str!("../styles/widget.css");
