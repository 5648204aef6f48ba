//! The widget as a server renders it: the same views and markup as
//! [`ArticleWidget`](super::ArticleWidget) shows once its feed has loaded,
//! for a feed the server has already read. Rendered with Yew's
//! `ServerRenderer` into a pre-rendered snippet (`article-widget render`);
//! natively only, so none of it is in the wasm bundle.

use std::rc::Rc;

use yew::prelude::*;

use super::widget::{frame, use_body, Shown, View};
use super::ArticleWidgetProps;
use crate::hooks::use_more;
use crate::model::Feed;

/// Props of [`ArticleSnapshot`].
#[derive(Properties, PartialEq, Clone)]
pub struct ArticleSnapshotProps {
    /// The feed, read and with its URLs resolved.
    pub feed: Rc<Feed>,
    /// The element's attributes, as the widget would get them.
    pub widget: ArticleWidgetProps,
}

/// The ready widget for `feed`: what the browser's widget renders from the
/// same feed and attributes, minus what only a reader's browser knows
/// (see `i18n`).
#[component]
pub fn ArticleSnapshot(ArticleSnapshotProps { feed, widget }: &ArticleSnapshotProps) -> Html {
    // Like the browser's widget on an inline document, which has no URL.
    let more = use_more(
        Some(feed.clone()),
        None,
        widget.limit,
        widget.policy.clone(),
    );
    let view = View::of(feed, widget, &more.items);
    let body = use_body(&view, widget.heading_level);
    let shown = Shown {
        skeleton: false,
        body,
        stale_since: None,
        new_ids: Rc::new([]),
        more: &more,
        on_retry: Callback::noop(),
    };
    frame(view, widget, shown)
}
