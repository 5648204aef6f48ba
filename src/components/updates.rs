//! What a list says about its own updates: the notice after a failed
//! refresh, and the "Load more" button. Plain functions rather than
//! components: each component type costs the bundle its own copy of Yew's
//! lifecycle code, and these have no state of their own.

use yew::prelude::*;

use crate::hooks::{More, MoreStatus};
use crate::i18n;

/// "Couldn't update — showing articles from 10:42" after a failed refresh,
/// `stale_since` being when the articles on screen were fetched. The element
/// is there, empty, while all is well, so that the polite live region exists
/// before its message does and screen readers announce it.
// A function of its own in the wasm (see `widget::frame`).
#[inline(never)]
pub(super) fn update_notice(stale_since: Option<u64>, locale: &str) -> Html {
    let message = stale_since.map(|at| {
        let strings = i18n::strings(locale);
        format!("{} {}", strings.stale, i18n::format_clock(at, locale))
    });
    html! { <p class="aw-notice" role="status" part="notice">{ message }</p> }
}

/// The "Load more" button at the end of a list, with its own loading and
/// failed states.
// A function of its own in the wasm (see `widget::frame`).
#[inline(never)]
pub(super) fn load_more(more: &More, locale: &str) -> Html {
    let strings = i18n::strings(locale);
    let loading = more.status == MoreStatus::Loading;
    let onclick = more.load.reform(|_: MouseEvent| ());
    let busy = loading.then_some("true");
    html! {
        <div class="aw-more">
            <p class="aw-more-error" role="status">
                if let MoreStatus::Failed(_) = more.status { { strings.more_failed } }
            </p>
            <button class="aw-more-button" type="button" part="more" {onclick}
                aria-busy={busy} aria-disabled={busy}>
                { if loading { strings.loading_more } else { strings.load_more } }
            </button>
        </div>
    }
}
