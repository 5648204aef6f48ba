//! Helpers shared by the browser tests.

// Each test crate includes this module and uses only part of it.
#![allow(dead_code)]

use web_sys::Element;

/// A fresh mount point of its own for each test.
pub fn mount_point() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// Lets the event loop run up to `turns` times (10 ms each), stopping early
/// when `done` holds; whether it did.
pub async fn turns(turns: u32, mut done: impl FnMut() -> bool) -> bool {
    for _ in 0..turns {
        yew::scheduler::flush().await;
        if done() {
            return true;
        }
        let tick = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(tick).await.unwrap();
    }
    false
}

/// Yields to the event loop until `done` holds, for at most ~5 s of turns.
pub async fn until(done: impl FnMut() -> bool) {
    assert!(turns(500, done).await, "condition not reached");
}
