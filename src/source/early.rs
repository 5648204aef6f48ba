//! The requests the entry module started before the `.wasm` was ready, for
//! the widgets already in the page (`src/early.js`). The entry hands them
//! over once, through [`adopt_early_requests`]; each is taken by the first
//! widget that requests its URL, and aborted with that widget's request.

use std::cell::RefCell;

use js_sys::{Map, Promise};
use wasm_bindgen::prelude::*;
use web_sys::AbortController;

#[wasm_bindgen]
extern "C" {
    /// One early request: `{ response, controller }` (`src/early.js`).
    pub type EarlyRequest;

    /// The `fetch` promise.
    #[wasm_bindgen(method, getter)]
    pub fn response(this: &EarlyRequest) -> Promise;

    /// Aborts the request.
    #[wasm_bindgen(method, getter)]
    pub fn controller(this: &EarlyRequest) -> AbortController;
}

thread_local! {
    // The page's one table of early requests: they were started for the
    // page, before any widget existed, and each is taken at most once.
    static EARLY: RefCell<Option<Map>> = const { RefCell::new(None) };
}

/// Takes over the entry module's early requests, keyed by request URL
/// ([`super::request_url`]); called once by `article-widget.js`.
#[wasm_bindgen(js_name = adoptEarlyRequests)]
pub fn adopt_early_requests(requests: Map) {
    EARLY.with(|early| *early.borrow_mut() = Some(requests));
}

/// The early request for `url`, if there is one not taken yet.
pub(super) fn take(url: &str) -> Option<EarlyRequest> {
    EARLY.with(|early| {
        let early = early.borrow();
        let table = early.as_ref()?;
        let key = JsValue::from_str(url);
        let found = table.get(&key);
        table.delete(&key);
        found
            .dyn_into::<js_sys::Object>()
            .ok()
            .map(JsCast::unchecked_into)
    })
}
