// A plain partner article page, as a news site that embeds the widget would
// serve it: a masthead, a headline, paragraphs of text, and widgets placed
// where README.md ("Core Web Vitals") says. Used by `make vitals`
// (bench/vitals.mjs) and the layout-shift test (e2e/shift.spec.mjs).

const PARAGRAPHS = [
  "Ngày 23/6, Ban Chỉ đạo tỉnh tổ chức sơ kết công tác 6 tháng đầu năm, đánh giá kết quả và đề ra nhiệm vụ cho những tháng cuối năm.",
  "Theo báo cáo tại hội nghị, từ đầu năm đến nay các cơ quan chức năng đã kịp thời định hướng thông tin, nắm bắt dư luận trước những sự kiện và vấn đề được người dân quan tâm.",
  "Các cơ quan báo chí trên địa bàn tỉnh tiếp tục nâng cao chất lượng các chuyên trang, chuyên mục về thành tựu phát triển kinh tế - xã hội và gương người tốt việc tốt.",
  "Tại hội nghị, các đại biểu đã thảo luận, làm rõ kết quả công tác trong thời gian qua và đề xuất giải pháp thực hiện hiệu quả nhiệm vụ trong thời gian tới.",
  "Phát biểu kết luận hội nghị, đồng chí Trưởng ban đề nghị các thành viên tiếp tục quán triệt, thực hiện nghiêm túc các văn bản chỉ đạo của Trung ương và của tỉnh.",
  "Hội nghị cũng thống nhất kế hoạch kiểm tra, giám sát và chương trình phối hợp giữa các sở, ngành, địa phương trong 6 tháng cuối năm.",
];

const escape = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/**
 * The page's HTML.
 * - `head`: extra markup for <head> (the widget's <link> and <script>).
 * - `widgets`: markup placed between the 2nd and 3rd paragraphs.
 * - `last`: markup placed after the last paragraph (where an article widget goes).
 * - `observe`: record layout shifts into window.__shifts from the start.
 */
export function partnerPage({ head = "", widgets = "", last = "", observe = false, title = "Tin tức" } = {}) {
  const p = (i) => `<p>${escape(PARAGRAPHS[i])}</p>`;
  const observer = observe
    ? `<script>
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!e.hadRecentInput) window.__shifts.push({ value: e.value, at: e.startTime,
        sources: (e.sources || []).map((s) => (s.node && (s.node.id || s.node.nodeName)) || "?") });
    }
  }).observe({ type: "layout-shift", buffered: true });
</script>`
    : "";
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>
  body { margin: 0; color: #1d1d1d; background: #fff; font: 18px/1.6 Georgia, "Times New Roman", serif; }
  header { padding: 12px 16px; border-bottom: 3px solid #8b1d1d; font: 700 20px/1.2 system-ui, sans-serif; color: #8b1d1d; }
  main { max-width: 720px; margin: 0 auto; padding: 8px 16px 32px; }
  h1 { font-size: 28px; line-height: 1.25; margin: 16px 0; }
  article-widget { margin: 24px 0; }
  footer { padding: 16px; color: #666; font: 14px/1.4 system-ui, sans-serif; border-top: 1px solid #ddd; }
</style>
${observer}
${head}
</head>
<body>
<header>Báo Mẫu</header>
<main>
<h1>Sơ kết công tác 6 tháng đầu năm: chủ động nắm bắt tình hình, định hướng thông tin kịp thời</h1>
${p(0)}
${p(1)}
${widgets}
${p(2)}
${p(3)}
${p(4)}
${p(5)}
${last}
</main>
<footer>© Báo Mẫu · a partner page for measuring article-widget</footer>
</body>
</html>
`;
}
