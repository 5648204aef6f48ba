use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::config::TimeZone;
use crate::i18n;
use crate::timestamp::Timestamp;

/// A `<time>` whose `datetime` is machine-readable and whose text is the
/// reader's: "Thứ Sáu, 25/06/2021, 11:15 GMT+7". With `relative`, an instant
/// in the last week reads "2 giờ trước", with the full date as the tooltip.
///
/// A function, not a component: a list renders one per item, and the
/// formatters it uses are cached (`i18n`), so there is nothing to keep.
pub fn dateline(at: &Timestamp, locale: &str, time_zone: &TimeZone, relative: bool) -> Html {
    let full = i18n::format_dateline(at, locale, time_zone);
    let ago = relative
        .then(|| i18n::format_relative(at.epoch_ms, js_sys::Date::now() as i64, locale))
        .flatten();
    let (text, title) = match ago {
        Some(ago) => (ago, Some(full)),
        None => (full, None),
    };
    html! {
        <time class="aw-dateline" part="dateline" datetime={at.to_string()} {title}>{ text }</time>
    }
}

/// An `onerror` handler that hides the image that failed, so a broken image
/// collapses (to its caption, when it has one) instead of showing an icon.
///
/// It sets `hidden` on the element itself rather than re-rendering: Yew never
/// sets that attribute on images, so it stays until the image is replaced.
pub fn hide_on_error() -> Callback<Event> {
    Callback::from(|event: Event| {
        if let Some(image) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = image.set_attribute("hidden", "");
        }
    })
}
