use yew::prelude::*;

use super::image;
use crate::model::Image;

/// The lead image: `<figure><img alt><figcaption>`, caption and credit under
/// the image. An image that fails to load collapses as every image of the
/// widget does ([`super::image`]): to its caption, or, without one, to
/// nothing (the stylesheet hides a figure left empty).
pub fn figure(image_: &Image) -> Html {
    let has_words = image_.caption.is_some() || image_.credit.is_some();
    html! {
        <figure class="aw-figure" part="figure">
            { image(image_, Some("aw-image"), Some("image"), &image_.alt, "(min-width: 800px) 800px, 100vw") }
            if has_words {
                <figcaption class="aw-caption" part="caption">
                    if let Some(caption) = &image_.caption { <span>{ caption }</span> }
                    if let Some(credit) = &image_.credit { <span class="aw-credit">{ credit }</span> }
                </figcaption>
            }
        </figure>
    }
}
