use yew::prelude::*;

use crate::config::TimeZone;
use crate::i18n;
use crate::timestamp::Timestamp;

/// Props of [`Dateline`].
#[derive(Properties, PartialEq)]
pub struct DatelineProps {
    /// The instant, with the offset the source stated.
    pub at: Timestamp,
    /// BCP 47 tag the date is written for.
    pub locale: AttrValue,
    /// The zone it is shown in.
    pub time_zone: TimeZone,
    /// Say "2 hours ago" for instants in the last week, with the full date as
    /// the tooltip.
    #[prop_or_default]
    pub relative: bool,
}

/// A `<time>` whose `datetime` is machine-readable and whose text is the
/// reader's: "Thứ Sáu, 25/06/2021, 11:15 GMT+7".
#[component]
pub fn Dateline(
    DatelineProps {
        at,
        locale,
        time_zone,
        relative,
    }: &DatelineProps,
) -> Html {
    let full = use_memo(
        (*at, locale.clone(), time_zone.clone()),
        |(at, locale, zone)| i18n::format_dateline(at, locale, zone),
    );
    let ago = relative
        .then(|| i18n::format_relative(at.epoch_ms, js_sys::Date::now() as i64, locale))
        .flatten();
    let (text, title) = match ago {
        Some(ago) => (ago, Some((*full).clone())),
        None => ((*full).clone(), None),
    };
    html! {
        <time class="aw-dateline" part="dateline" datetime={at.to_string()} {title}>{ text }</time>
    }
}
