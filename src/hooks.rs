//! Hooks that connect the plain-Rust layers to components.

mod use_after;
mod use_feed;
mod use_more;

pub use use_after::use_after;
pub use use_feed::{use_feed, FeedSource, FeedState, Loaded};
pub use use_more::{use_more, More, MoreStatus};
