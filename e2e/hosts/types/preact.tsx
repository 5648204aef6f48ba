/** @jsxImportSource preact */
// Preact JSX: <article-widget> is an intrinsic element with typed attributes.
export const list = <article-widget src="/feed.json" layout="list" limit="6" heading-level="3" />;
export const article = <article-widget layout="article" item="0" time-zone="local" theme="dark" />;
// @ts-expect-error: "carousel" is not a layout
export const wrong = <article-widget layout="carousel" />;
