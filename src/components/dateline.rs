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
}

/// A `<time>` whose `datetime` is machine-readable and whose text is the
/// reader's: "Thứ Sáu, 25/06/2021, 11:15 GMT+7".
#[component]
pub fn Dateline(
    DatelineProps {
        at,
        locale,
        time_zone,
    }: &DatelineProps,
) -> Html {
    let text = use_memo(
        (*at, locale.clone(), time_zone.clone()),
        |(at, locale, zone)| i18n::format_dateline(at, locale, zone),
    );
    html! {
        <time class="aw-dateline" part="dateline" datetime={at.to_string()}>{ (*text).clone() }</time>
    }
}
