use yew::prelude::*;

use crate::config::TimeZone;
use crate::i18n;
use crate::timestamp::Timestamp;

/// A `<time>` whose `datetime` is machine-readable and whose text is the
/// reader's: "Thứ Sáu, 25/06/2021, 11:15 GMT+7". With `relative`, an instant
/// in the last week reads "2 giờ trước", with the full date as the tooltip.
///
/// `fixed` is [`i18n::fixed_dateline`]: a server writes such a dateline as
/// the browser will; any other it writes neutrally, and both renderers mark
/// it `data-reader` so that the stylesheet can place it where its change of
/// width at takeover moves nothing.
///
/// A function, not a component: a list renders one per item, and the
/// formatters it uses are cached (`i18n`), so there is nothing to keep.
pub fn dateline(
    at: &Timestamp,
    locale: &str,
    time_zone: &TimeZone,
    relative: bool,
    fixed: bool,
) -> Html {
    #[cfg(target_arch = "wasm32")]
    let full = i18n::format_dateline(at, locale, time_zone);
    // A server does not know when the page will be read: an instant that may
    // then be less than a week old may read as a relative time.
    #[cfg(not(target_arch = "wasm32"))]
    let full = if fixed && !(relative && i18n::may_read_as_relative(at.epoch_ms, i18n::now_ms())) {
        i18n::format_dateline(at, locale, time_zone)
    } else {
        i18n::format_neutral(at)
    };
    let ago = relative
        .then(|| i18n::format_relative(at.epoch_ms, i18n::now_ms(), locale))
        .flatten();
    let (text, title) = match ago {
        Some(ago) => (ago, Some(full)),
        None => (full, None),
    };
    html! {
        <time class="aw-dateline" part="dateline" datetime={at.to_string()} {title}
            data-reader={(!fixed).then_some("")}>{ text }</time>
    }
}
