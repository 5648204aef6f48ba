use yew::prelude::*;

use crate::config::Layout;
use crate::error::LoadError;
use crate::i18n;

// The most placeholder items a skeleton draws; the widget's reserved height
// (styles/widget.css) holds the room of any more.
const SKELETON_ITEMS: usize = 12;

/// How long a load runs before the skeleton is drawn. Most feeds are in
/// before that (the entry module requests them while the `.wasm` downloads):
/// the reserved space then goes straight from blank to the articles, and no
/// placeholders are built, laid out and replaced within a few frames
/// (measured: time to ready −9 to −20%, most with twenty widgets on a page).
/// The space is the same either way: the widget's reserved height holds it.
pub const SKELETON_DELAY_MS: u32 = 150;

/// Grey blocks shaped like the content, announced to screen readers: what
/// the widget shows once a load has taken [`SKELETON_DELAY_MS`]. List and
/// cards placeholders use the items' own geometry, so the articles replace
/// them without moving anything; a list or cards draws `limit` items (up to
/// twelve). A plain function, like the other states.
// A function of its own in the wasm (see `widget::frame`).
#[inline(never)]
pub fn skeleton(layout: Layout, limit: usize, locale: &str) -> Html {
    let line = |class: &'static str| html! { <span class={classes!("aw-skel", class)}></span> };
    let body = match layout {
        Layout::Article => html! {
            <>
                { line("aw-skel-title") }{ line("aw-skel-title aw-skel-short") }
                { line("aw-skel-meta") }{ line("aw-skel-image") }
                { line("aw-skel-text") }{ line("aw-skel-text") }{ line("aw-skel-text aw-skel-short") }
            </>
        },
        Layout::List | Layout::Cards => {
            let class = if layout == Layout::Cards {
                "aw-list aw-cards"
            } else {
                "aw-list"
            };
            html! {
                <div {class}>
                    { for (0..limit.clamp(1, SKELETON_ITEMS)).map(|_| html! {
                        <div class="aw-item">
                            <div class="aw-item-article">
                                { line("aw-thumb") }
                                <div class="aw-item-text">
                                    { line("aw-skel-title") }{ line("aw-skel-meta") }{ line("aw-skel-text") }
                                </div>
                            </div>
                        </div>
                    }) }
                </div>
            }
        }
    };
    // Keyed, so that no element of the content that replaces it (the "Load
    // more" row, a `div` too) is made from it: that element would move from
    // the top to the bottom, a layout shift.
    html! {
        <div key="skeleton" class="aw-skeleton" role="status" aria-busy="true">
            <span class="aw-visually-hidden">{ i18n::strings(locale).loading }</span>
            { body }
        </div>
    }
}

/// A visible, announced error with what happened and a retry button. Plain
/// functions rather than components, this and [`empty_state`]: each component
/// type costs the bundle its own copy of Yew's lifecycle code, and these have
/// no state of their own.
// A function of its own in the wasm (see `widget::frame`).
#[inline(never)]
pub fn error_state(error: &LoadError, locale: &str, on_retry: Callback<MouseEvent>) -> Html {
    let strings = i18n::strings(locale);
    html! {
        <div class="aw-error" role="alert" part="error">
            <p class="aw-error-title">{ strings.error }</p>
            <p class="aw-error-message">{ i18n::failure_message(locale, error) }</p>
            <p class="aw-error-detail" lang="en">{ error.to_string() }</p>
            <button class="aw-retry" type="button" part="retry" onclick={on_retry}>{ strings.retry }</button>
        </div>
    }
}

/// A feed that has no article to show.
// A function of its own in the wasm (see `widget::frame`).
#[inline(never)]
pub fn empty_state(locale: &str) -> Html {
    html! { <p class="aw-empty" role="status">{ i18n::strings(locale).empty }</p> }
}
