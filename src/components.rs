//! Yew components: the root widget and the views it is made of. They get
//! plain data through props and never fetch or parse anything themselves.

mod article_view;
mod blocks;
mod dateline;
mod figure;
mod list;
#[cfg(not(target_arch = "wasm32"))]
mod snapshot;
mod states;
mod updates;
mod widget;

pub use article_view::{article_view, ArticleViewProps};
pub use blocks::blocks;
pub use dateline::dateline;
pub use list::{article_list, ArticleListProps};
#[cfg(not(target_arch = "wasm32"))]
pub use snapshot::{ArticleSnapshot, ArticleSnapshotProps};
pub use states::{empty_state, error_state, skeleton, SKELETON_DELAY_MS};
pub use widget::{ArticleWidget, ArticleWidgetProps, ItemSummary, WidgetState};

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::config::Target;
use crate::model::Image;

/// A headline element at the configured level (`h1`–`h6`).
fn heading(level: u8, class: &'static str, children: Html) -> Html {
    let tag = format!("h{}", level.clamp(1, 6));
    html! { <@{tag} class={class} part="headline">{ children }</@> }
}

/// An `<img>` that loads lazily, reserves its space when the data knows its
/// size, offers `srcset` with `sizes` when there is one, and hides itself if it
/// fails to load.
///
/// Images send no referrer: the page a reader is on is none of an image
/// host's business (README, "Security and privacy").
fn image(
    image: &Image,
    class: Option<&'static str>,
    part: Option<&'static str>,
    alt: &str,
    sizes: &'static str,
) -> Html {
    html! {
        <img
            {class}
            {part}
            src={image.src.clone()}
            alt={alt.to_owned()}
            width={image.width.map(|w| w.to_string())}
            height={image.height.map(|h| h.to_string())}
            srcset={image.srcset.clone()}
            sizes={image.srcset.as_ref().map(|_| sizes)}
            loading="lazy"
            decoding="async"
            referrerpolicy="no-referrer"
            onerror={hide_on_error()}
        />
    }
}

/// An `onerror` handler that hides the image that failed, so a broken image
/// collapses (to its caption, when it has one) instead of showing an icon.
///
/// It sets `hidden` on the element itself rather than re-rendering: Yew never
/// sets that attribute on images, so it stays until the image is replaced.
fn hide_on_error() -> Callback<Event> {
    Callback::from(|event: Event| {
        if let Some(image) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = image.set_attribute("hidden", "");
        }
    })
}

/// An article link honouring `target`; `_blank` gets `rel="noopener noreferrer"`.
fn link(href: &str, target: Target, onclick: Option<Callback<MouseEvent>>, children: Html) -> Html {
    let rel = (target == Target::Blank).then_some("noopener noreferrer");
    html! {
        <a href={href.to_owned()} target={target.as_str()} {rel} referrerpolicy="strict-origin-when-cross-origin" {onclick}>
            { children }
        </a>
    }
}
