//! Hooks that connect the plain-Rust layers to components.

mod use_feed;

pub use use_feed::{use_feed, FeedSource, FeedState};
