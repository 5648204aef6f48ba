// A partner's React 19 app: the widget rendered from state, its attributes
// changed by React, its events bound through React's own custom-element
// event props, moved by a keyed reorder, and unmounted.
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import "article-widget";
import type { ArticleWidgetErrorDetail, ArticleWidgetOpenDetail, ArticleWidgetReadyDetail } from "article-widget";

const FEEDS = ["/slow?ms=1500", "/fixtures/seed-feed.json", "/fixtures/missing.json"];

function App() {
  const [shown, setShown] = useState(true);
  const [feed, setFeed] = useState(0);
  const [limit, setLimit] = useState(2);
  const [layout, setLayout] = useState<"list" | "cards">("list");
  const [refresh, setRefresh] = useState<string | undefined>(undefined);
  const [moved, setMoved] = useState(false);
  const [log, setLog] = useState<string[]>([]);
  const say = (line: string) => setLog((lines) => [...lines, line]);

  const widget = (
    <article-widget
      key="widget"
      id="widget"
      src={FEEDS[feed]}
      layout={layout}
      limit={String(limit)}
      lang="en"
      refresh={refresh}
      onarticle-widget:ready={(event: CustomEvent<ArticleWidgetReadyDetail>) =>
        say(`ready ${event.detail.items.map((item) => item.id).join(" ")}`)}
      onarticle-widget:error={(event: CustomEvent<ArticleWidgetErrorDetail>) =>
        say(`error ${event.detail.kind} ${event.detail.status ?? ""}`.trim())}
      onarticle-widget:open={(event: CustomEvent<ArticleWidgetOpenDetail>) => {
        event.preventDefault();
        say(`open ${event.detail.id}`);
      }}
    />
  );
  const columns = [<section key="main" id="main-column">main column</section>, widget];

  return (
    <>
      <nav>
        <button id="next-src" onClick={() => setFeed((f) => (f + 1) % FEEDS.length)}>next feed</button>
        <button id="more" onClick={() => setLimit((l) => l + 1)}>more</button>
        <button id="cards" onClick={() => setLayout("cards")}>cards</button>
        <button id="auto-refresh" onClick={() => setRefresh("60")}>refresh every minute</button>
        <button id="move" onClick={() => setMoved((m) => !m)}>move</button>
        <button id="toggle" onClick={() => setShown((s) => !s)}>toggle</button>
      </nav>
      <div id="columns">{shown ? (moved ? columns : [...columns].reverse()) : columns[0]}</div>
      <ol id="log">{log.map((line, i) => <li key={i}>{line}</li>)}</ol>
    </>
  );
}

createRoot(document.getElementById("root")!).render(<StrictMode><App /></StrictMode>);
