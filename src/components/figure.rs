use yew::prelude::*;

use crate::model::Image;

/// Props of [`Figure`].
#[derive(Properties, PartialEq)]
pub struct FigureProps {
    /// The image and its words.
    pub image: Image,
    /// `sizes` for the `srcset`, by layout.
    #[prop_or(AttrValue::Static("(min-width: 800px) 800px, 100vw"))]
    pub sizes: AttrValue,
}

/// `<figure><img alt><figcaption>`: caption and credit under the image. An
/// image that fails to load collapses, leaving its caption, never a
/// broken-image icon.
#[component]
pub fn Figure(FigureProps { image, sizes }: &FigureProps) -> Html {
    let broken = use_state(|| false);
    let onerror = {
        let broken = broken.clone();
        Callback::from(move |_: Event| broken.set(true))
    };
    let has_words = image.caption.is_some() || image.credit.is_some();
    if *broken && !has_words {
        return Html::default();
    }
    html! {
        <figure class="aw-figure" part="figure">
            if !*broken {
                <img
                    class="aw-image"
                    part="image"
                    src={image.src.clone()}
                    alt={image.alt.clone()}
                    width={image.width.map(|w| w.to_string())}
                    height={image.height.map(|h| h.to_string())}
                    srcset={image.srcset.clone()}
                    sizes={image.srcset.as_ref().map(|_| sizes.clone())}
                    loading="lazy"
                    decoding="async"
                    {onerror}
                />
            }
            if has_words {
                <figcaption class="aw-caption" part="caption">
                    if let Some(caption) = &image.caption { <span>{ caption }</span> }
                    if let Some(credit) = &image.credit { <span class="aw-credit">{ credit }</span> }
                </figcaption>
            }
        </figure>
    }
}
