use yew::prelude::*;

use crate::config::Layout;
use crate::error::LoadError;
use crate::i18n;

/// Props of [`Skeleton`].
#[derive(Properties, PartialEq)]
pub struct SkeletonProps {
    /// The layout the content will have, so nothing jumps when it arrives.
    pub layout: Layout,
    /// BCP 47 tag for the announcement.
    pub locale: AttrValue,
}

/// Grey blocks shaped like the content, announced to screen readers.
#[component]
pub fn Skeleton(SkeletonProps { layout, locale }: &SkeletonProps) -> Html {
    let line = |class: &'static str| html! { <span class={classes!("aw-skel", class)}></span> };
    let body = match layout {
        Layout::Article => html! {
            <>
                { line("aw-skel-title") }{ line("aw-skel-title aw-skel-short") }
                { line("aw-skel-meta") }{ line("aw-skel-image") }
                { line("aw-skel-text") }{ line("aw-skel-text") }{ line("aw-skel-text aw-skel-short") }
            </>
        },
        Layout::List | Layout::Cards => html! {
            { for (0..3).map(|_| html! {
                <span class="aw-skel-item">{ line("aw-skel-thumb") }{ line("aw-skel-title") }{ line("aw-skel-meta") }</span>
            }) }
        },
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
