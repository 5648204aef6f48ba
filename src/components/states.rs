use yew::prelude::*;

use crate::config::Layout;
use crate::error::LoadError;
use crate::i18n;

/// Props of [`Skeleton`].
#[derive(Properties, PartialEq)]
pub struct SkeletonProps {
    /// The layout the content will have, so nothing jumps when it arrives.
    pub layout: Layout,
    /// Items a list or cards will show: the skeleton draws as many (up to
    /// twelve), each the height of a real one.
    #[prop_or(3)]
    pub limit: usize,
    /// BCP 47 tag for the announcement.
    pub locale: AttrValue,
}

// The most placeholder items a skeleton draws; the widget's reserved height
// (styles/widget.css) holds the room of any more.
const SKELETON_ITEMS: usize = 12;

/// Grey blocks shaped like the content, announced to screen readers. List and
/// cards placeholders use the items' own geometry, so the articles replace
/// them without moving anything.
#[component]
pub fn Skeleton(
    SkeletonProps {
        layout,
        limit,
        locale,
    }: &SkeletonProps,
) -> Html {
    let line = |class: &'static str| html! { <span class={classes!("aw-skel", class)}></span> };
    let body = match layout {
        Layout::Article => html! {
            <>
                { line("aw-skel-title") }{ line("aw-skel-title aw-skel-short") }
                { line("aw-skel-meta") }{ line("aw-skel-image") }
                { line("aw-skel-text") }{ line("aw-skel-text") }{ line("aw-skel-text aw-skel-short") }
            </>
        },
        Layout::List | Layout::Cards => {
            let class = if *layout == Layout::Cards {
                "aw-list aw-cards"
            } else {
                "aw-list"
            };
            html! {
                <div {class}>
                    { for (0..(*limit).clamp(1, SKELETON_ITEMS)).map(|_| html! {
                        <div class="aw-item">
                            <div class="aw-item-article">
                                { line("aw-thumb") }
                                <div class="aw-item-text">
                                    { line("aw-skel-title") }{ line("aw-skel-meta") }{ line("aw-skel-text") }
                                </div>
                            </div>
                        </div>
                    }) }
                </div>
            }
        }
    };
    html! {
        <div class="aw-skeleton" role="status" aria-busy="true">
            <span class="aw-visually-hidden">{ i18n::strings(locale).loading }</span>
            { body }
        </div>
    }
}

/// Props of [`ErrorState`].
#[derive(Properties, PartialEq)]
pub struct ErrorStateProps {
    /// What went wrong.
    pub error: LoadError,
    /// BCP 47 tag for the words around it.
    pub locale: AttrValue,
    /// Called by the retry button.
    pub on_retry: Callback<MouseEvent>,
}

/// A visible, announced error with what happened and a retry button.
#[component]
pub fn ErrorState(
    ErrorStateProps {
        error,
        locale,
        on_retry,
    }: &ErrorStateProps,
) -> Html {
    let strings = i18n::strings(locale);
    html! {
        <div class="aw-error" role="alert" part="error">
            <p class="aw-error-title">{ strings.error }</p>
            <p class="aw-error-message">{ i18n::failure_message(locale, error) }</p>
            <p class="aw-error-detail" lang="en">{ error.to_string() }</p>
            <button class="aw-retry" type="button" part="retry" onclick={on_retry}>{ strings.retry }</button>
        </div>
    }
}

/// Props of [`EmptyState`].
#[derive(Properties, PartialEq)]
pub struct EmptyStateProps {
    /// BCP 47 tag for the message.
    pub locale: AttrValue,
}

/// A feed that has no article to show.
#[component]
pub fn EmptyState(EmptyStateProps { locale }: &EmptyStateProps) -> Html {
    html! { <p class="aw-empty" role="status">{ i18n::strings(locale).empty }</p> }
}
