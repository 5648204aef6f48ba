//! Whether a condition has held for a while: the skeleton waits for a load
//! that takes long enough to be seen.

use yew::prelude::*;

/// Whether `active` has been true, without a break, for `ms` milliseconds.
/// False again as soon as it is not.
#[hook]
pub fn use_after(ms: u32, active: bool) -> bool {
    let due = use_state_eq(|| false);
    {
        let due = due.clone();
        use_effect_with(active, move |&active| {
            due.set(false);
            // Dropped when `active` changes or the component goes, which
            // clears the timer.
            let timer =
                active.then(|| gloo_timers::callback::Timeout::new(ms, move || due.set(true)));
            move || drop(timer)
        });
    }
    active && *due
}
