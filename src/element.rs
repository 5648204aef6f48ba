//! The `<article-widget>` custom element: a thin shell that turns attributes
//! into [`ArticleWidgetProps`] and renders the Yew app into its shadow root.
//!
//! Custom elements must be JS classes: `src/element.js` defines it and forwards
//! its lifecycle here. It ships as the entry module `article-widget.js`.
//!
//! A pre-rendered element (`article-widget render`) arrives with a declarative
//! shadow root already showing its articles. The widget takes it over by
//! replacement: it renders into a hidden root beside the snapshot and, in the
//! task where its first load settles, removes the snapshot and shows its own
//! root, so no frame in between is painted and nothing moves. Its first load
//! is the snapshot's data island when there is no `src` (no request), else
//! the one fetch of `src`. A snapshot from an older release or with data
//! that does not match is simply replaced.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, HtmlElement, ShadowRoot, ShadowRootInit,
    ShadowRootMode,
};
use yew::{AppHandle, Callback, Renderer};

use crate::components::{ArticleWidget, ArticleWidgetProps, ItemSummary, WidgetState};
use crate::config::Config;

/// Renders a widget into `host`'s shadow root. Called by the element class in
/// `src/element.js` when an `<article-widget>` is connected.
#[wasm_bindgen]
pub fn mount(host: HtmlElement) -> Option<Mounted> {
    Mounted::new(host)
}

thread_local! {
    // The one stylesheet every instance adopts: parsed once per page, shared,
    // never changed after creation.
    static SHEET: Option<CssStyleSheet> = {
        let sheet = CssStyleSheet::new().ok();
        sheet.filter(|s| s.replace_sync(crate::STYLESHEET).is_ok())
    };
    // The apps of removed widgets, idle, for new widgets to reuse. Yew's
    // event delegation adds listeners to each app root it renders into and
    // never removes them, so an app destroyed for every removed widget would
    // leave its listeners (and root) behind: a page that adds and removes
    // widgets for hours would grow without end. Reused, the apps are never
    // more than the most widgets the page has had at once, plus this many.
    static IDLE: std::cell::RefCell<Vec<(web_sys::Element, AppHandle<ArticleWidget>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// How many idle apps are kept for reuse.
const MAX_IDLE: usize = 8;

/// One connected element and the Yew app inside it.
#[wasm_bindgen]
pub struct Mounted {
    host: HtmlElement,
    root: web_sys::Element,
    app: App,
    reload: u32,
    warned: Vec<String>,
}

/// The app of a [`Mounted`] element.
enum App {
    /// Not rendered yet (see [`Mounted::start`]): the props it will have.
    Pending(ArticleWidgetProps),
    /// Rendered.
    Running(AppHandle<ArticleWidget>),
}

#[wasm_bindgen]
impl Mounted {
    fn new(host: HtmlElement) -> Option<Mounted> {
        let shadow = match host.shadow_root() {
            Some(shadow) => shadow,
            None => host
                .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
                .ok()?,
        };
        SHEET.with(|sheet| {
            if let Some(sheet) = sheet {
                shadow.set_adopted_style_sheets(&Array::of1(sheet));
            }
        });
        let _ = host.set_attribute("data-state", "loading");
        let mut warned = Vec::new();
        if !shadow.has_child_nodes() {
            if let Some((root, mut app)) = IDLE.with_borrow_mut(Vec::pop) {
                shadow.append_child(&root).ok()?;
                app.update(props_of(&host, &root, 0, &mut warned));
                return Some(Mounted {
                    app: App::Running(app),
                    root,
                    host,
                    reload: 0,
                    warned,
                });
            }
        }
        let takeover = shadow.has_child_nodes();
        let root = if takeover {
            takeover_point(&shadow)?
        } else {
            mount_point(&shadow)?
        };
        let props = props_of(&host, &root, 0, &mut warned);
        if !takeover {
            // Until the first render: the widget's root as it renders it
            // while loading (blank), so that its reserved height holds.
            let frame = root.owner_document()?.create_element("div").ok()?;
            frame.set_class_name("aw");
            let layout = props.layout.map_or("list", |layout| layout.as_str());
            let _ = frame.set_attribute("data-layout", layout);
            let _ = frame.set_attribute("data-theme", props.theme.as_str());
            root.append_child(&frame).ok()?;
        }
        Some(Mounted {
            app: App::Pending(props),
            root,
            host,
            reload: 0,
            warned,
        })
    }

    /// Renders the app for the first time, with the attributes as they are
    /// then (a render without them would report "no src" before they
    /// arrived). The element calls it in a task after [`mount`], so that
    /// mounting and the first render (with the engine compiling the code each
    /// runs for the first time) are two shorter tasks rather than one long one
    /// (Total Blocking Time).
    pub fn start(&mut self) {
        let App::Pending(props) = &mut self.app else {
            return;
        };
        let props = std::mem::take(props);
        if !self.root.has_attribute("hidden") {
            self.root.set_text_content(None);
        }
        self.app = App::Running(
            Renderer::<ArticleWidget>::with_root_and_props(self.root.clone(), props).render(),
        );
    }

    /// Re-reads the attributes and re-renders (before [`Mounted::start`],
    /// keeps them for the first render); fetches again only if `src` changed.
    pub fn update(&mut self) {
        let props = props_of(&self.host, &self.root, self.reload, &mut self.warned);
        match &mut self.app {
            App::Pending(pending) => *pending = props,
            App::Running(app) => app.update(props),
        }
    }

    /// Fetches again now (`element.refresh()`).
    pub fn refresh(&mut self) {
        self.reload = self.reload.wrapping_add(1);
        self.update();
    }

    /// Takes the app off the element, which aborts its request and stops
    /// its timers; the app is kept idle for the next widget (see `IDLE`), or
    /// destroyed when enough are.
    pub fn destroy(self) {
        self.root.remove();
        let App::Running(mut app) = self.app else {
            return;
        };
        // No source and no callbacks: the idle app loads nothing, and
        // reports nothing to the element it left.
        app.update(ArticleWidgetProps::default());
        let _ = self.root.remove_attribute("hidden");
        let kept = IDLE.with_borrow_mut(|idle| {
            if idle.len() >= MAX_IDLE {
                return Err(app);
            }
            idle.push((self.root, app));
            Ok(())
        });
        if let Err(app) = kept {
            app.destroy();
        }
    }
}

/// The props for `host`'s attributes, warning once about each bad value.
fn props_of(
    host: &HtmlElement,
    root: &web_sys::Element,
    reload: u32,
    warned: &mut Vec<String>,
) -> ArticleWidgetProps {
    let (config, warnings) = Config::parse(|name| host.get_attribute(name));
    for warning in warnings {
        if !warned.contains(&warning) {
            web_sys::console::warn_1(&warning.as_str().into());
            warned.push(warning);
        }
    }
    let mut props = ArticleWidgetProps::from_config(config);
    if props.src.is_none() {
        props.inline_json = inline_json(host);
    }
    props.reload = reload;
    props.on_state = state_reporter(host.clone(), root.clone());
    props.on_open = Some(open_reporter(host.clone()));
    props
}

fn mount_point(shadow: &ShadowRoot) -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    let root = document.create_element("div").ok()?;
    shadow.set_text_content(None);
    shadow.append_child(&root).ok()?;
    Some(root)
}

/// A hidden app root beside a pre-rendered snapshot, which stays on screen
/// until [`reveal`].
fn takeover_point(shadow: &ShadowRoot) -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    let root = document.create_element("div").ok()?;
    root.set_attribute("hidden", "").ok()?;
    shadow.append_child(&root).ok()?;
    Some(root)
}

/// Shows the app root in place of the snapshot beside it, if it was hidden.
fn reveal(root: &web_sys::Element) {
    if !root.has_attribute("hidden") {
        return;
    }
    if let Some(shadow) = root.parent_node() {
        let mut child = shadow.first_child();
        while let Some(node) = child {
            child = node.next_sibling();
            if !node.is_same_node(Some(root)) {
                let _ = shadow.remove_child(&node);
            }
        }
    }
    let _ = root.remove_attribute("hidden");
}

/// The text of a child `<script type="application/json">`: the data island.
fn inline_json(host: &HtmlElement) -> Option<yew::AttrValue> {
    let script = host
        .query_selector(":scope > script[type='application/json']")
        .ok()??;
    script.text_content().map(Into::into)
}

/// Mirrors state changes onto the host: `data-state`, and the contract's
/// events. The first settled load shows the app root in place of a
/// pre-rendered snapshot, except a failure: the snapshot's articles stay on
/// screen, as after a failed refresh.
fn state_reporter(host: HtmlElement, root: web_sys::Element) -> Callback<WidgetState> {
    Callback::from(move |state: WidgetState| {
        if matches!(state, WidgetState::Ready(_) | WidgetState::Empty) {
            reveal(&root);
        }
        let _ = host.set_attribute("data-state", state.as_str());
        let detail = Object::new();
        let event = match &state {
            WidgetState::Ready(items) => {
                let list: Array = items
                    .iter()
                    .map(|item| {
                        let o = Object::new();
                        set(&o, "id", &item.id.as_str().into());
                        set(
                            &o,
                            "url",
                            &item.url.as_deref().map_or(JsValue::NULL, JsValue::from_str),
                        );
                        set(&o, "headline", &item.headline.as_str().into());
                        JsValue::from(o)
                    })
                    .collect();
                set(&detail, "items", &list);
                "article-widget:ready"
            }
            WidgetState::Error(error) => {
                set(&detail, "kind", &error.kind().into());
                set(&detail, "message", &error.to_string().into());
                if let Some(status) = error.status() {
                    set(&detail, "status", &status.into());
                }
                "article-widget:error"
            }
            WidgetState::Loading | WidgetState::Empty => return,
        };
        dispatch(&host, event, &detail, false);
    })
}

/// Dispatches the cancelable `article-widget:open`; `false` if the page
/// called `preventDefault()`.
fn open_reporter(host: HtmlElement) -> Callback<ItemSummary, bool> {
    Callback::from(move |item: ItemSummary| {
        let detail = Object::new();
        set(&detail, "id", &item.id.as_str().into());
        set(
            &detail,
            "url",
            &item.url.as_deref().map_or(JsValue::NULL, JsValue::from_str),
        );
        dispatch(&host, "article-widget:open", &detail, true)
    })
}

fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &key.into(), value);
}

/// Dispatches a bubbling, composed `CustomEvent`; `false` if it was cancelable
/// and the page cancelled it.
fn dispatch(host: &HtmlElement, name: &str, detail: &JsValue, cancelable: bool) -> bool {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(cancelable);
    init.set_detail(detail);
    match CustomEvent::new_with_event_init_dict(name, &init) {
        Ok(event) => host.dispatch_event(&event).unwrap_or(true),
        Err(_) => true,
    }
}
