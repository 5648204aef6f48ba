//! What the fetching rules need from the browser: the clock, randomness,
//! timers, the page's visibility and storage.

use futures::channel::oneshot;
use gloo_events::EventListener;
use gloo_timers::future::TimeoutFuture;

use super::cache::Store;

/// Milliseconds since the epoch.
pub(super) fn now() -> u64 {
    js_sys::Date::now() as u64
}

/// A random number in `[0, 1)`, for back-off jitter.
pub(super) fn jitter() -> f64 {
    js_sys::Math::random()
}

/// Waits `ms`; dropping it clears the timer.
pub(super) async fn sleep(ms: u64) {
    // setTimeout takes a signed 32-bit delay: a longer one would wrap around
    // and fire at once. Callers wait in a loop until their time has come.
    TimeoutFuture::new(ms.min(i32::MAX as u64) as u32).await;
}

/// Lets the page run (input, paint) before the caller goes on: a separate
/// task, so that parsing a document and rendering it are never one long task.
/// With `scheduler.yield()` where the browser has it (Chromium 129 on): a
/// chain of zero-delay timers is stretched to 4 ms a link from its fifth on,
/// and a widget's load is such a chain (mount, first render, load, parse).
pub async fn yield_to_page() {
    match scheduler_yield() {
        Some(next) => {
            let _ = wasm_bindgen_futures::JsFuture::from(next).await;
        }
        None => TimeoutFuture::new(0).await,
    }
}

/// `scheduler.yield()`, if the browser has it.
fn scheduler_yield() -> Option<js_sys::Promise> {
    use wasm_bindgen::JsCast;
    let scheduler = js_sys::Reflect::get(&js_sys::global(), &"scheduler".into()).ok()?;
    let method = js_sys::Reflect::get(&scheduler, &"yield".into()).ok()?;
    let method: js_sys::Function = method.dyn_into().ok()?;
    method.call0(&scheduler).ok()?.dyn_into().ok()
}

/// Runs `f` in a task of its own, after the current one, whatever becomes of
/// the caller.
pub(super) fn soon(f: impl FnOnce() + 'static) {
    gloo_timers::callback::Timeout::new(0, f).forget();
}

/// Whether the page is hidden (a background tab, a minimised window).
pub(super) fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

/// Resolves at the page's next `visibilitychange`; dropping it removes the
/// listener. Never resolves where there is no document.
pub(super) async fn visibility_change() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return std::future::pending().await;
    };
    let (tx, rx) = oneshot::channel();
    let mut tx = Some(tx);
    let _listener = EventListener::new(&document, "visibilitychange", move |_| {
        if let Some(tx) = tx.take() {
            let _ = tx.send(());
        }
    });
    let _ = rx.await;
}

/// The page's `localStorage`, when the browser lets the widget use it (not in
/// a sandboxed frame, not when the reader has disabled storage).
pub(super) fn storage() -> Option<LocalStorage> {
    web_sys::window()?.local_storage().ok()?.map(LocalStorage)
}

/// `localStorage`, every call of which may throw (quota, security): each
/// failure is an absent value or a refused write.
pub(super) struct LocalStorage(web_sys::Storage);

impl Store for LocalStorage {
    fn get(&self, key: &str) -> Option<String> {
        self.0.get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> bool {
        self.0.set_item(key, value).is_ok()
    }

    fn remove(&self, key: &str) {
        let _ = self.0.remove_item(key);
    }

    fn keys(&self) -> Vec<String> {
        let count = self.0.length().unwrap_or(0);
        (0..count)
            .filter_map(|i| self.0.key(i).ok().flatten())
            .collect()
    }
}
