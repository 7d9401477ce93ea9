// The words that the page's layout breaks across two or more lines (tests/test_quality.py).
//
// The text each block lays out (a paragraph, a table cell, a badge: whatever is not
// `display: inline`) is cut into words with Intl.Segmenter, so a word may carry on
// across inline elements ("Individu<ins>al</ins>"), and "end-to-end" may still break at
// its hyphens. For each word, a Range over it gives one box per line it is drawn on:
// boxes whose middles are further apart than half their height are on different lines.
// A word inside code or a URL is left out only when its whole unbreakable string is wider
// than the page's text column, where nothing could keep it on one line. Closed <details>
// are opened while measuring (readers open them) and closed again.
() => {
  const closed = [...document.querySelectorAll("details:not([open])")];
  for (const details of closed) details.open = true;
  const SKIPPED = new Set(["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT", "TEXTAREA", "SELECT"]);
  const SEPARATORS = new Set(["BR", "IMG", "INPUT", "SVG", "svg", "WBR"]);
  const displays = new Map();
  const blockOf = (element) => {
    for (let e = element; e && e !== document.documentElement; e = e.parentElement) {
      if (!displays.has(e)) displays.set(e, getComputedStyle(e).display);
      if (!["inline", "contents"].includes(displays.get(e))) return e;
    }
    return document.body;
  };
  const name = (e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "")
    + [...e.classList].map((c) => "." + c).join("");
  const path = (e) => {
    const parts = [];
    for (; e && e !== document.body && parts.length < 4; e = e.parentElement) parts.unshift(name(e));
    return parts.join(" > ");
  };
  const boxes = (node, start, end) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    return [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
  };
  const middle = (r) => (r.top + r.bottom) / 2;
  const sameLine = (a, b) => Math.abs(middle(a) - middle(b)) <= Math.min(a.height, b.height) / 2;
  const lineCount = (rects) => {
    const lines = [];
    for (const r of rects) if (!lines.some((line) => sameLine(line, r))) lines.push(r);
    return lines.length;
  };
  const canvas = document.createElement("canvas").getContext("2d");
  const naturalWidth = (text, element) => {
    canvas.font = getComputedStyle(element).font;
    return canvas.measureText(text).width;
  };
  const column = document.querySelector("main") || document.body;
  const columnStyle = getComputedStyle(column);
  const columnWidth = column.clientWidth - parseFloat(columnStyle.paddingLeft)
    - parseFloat(columnStyle.paddingRight);
  const looksLikeUrl = (token) => /:\/\/|^www\.|\/\S|\S\.[a-z]{2,}\b/i.test(token);
  const segmenter = new Intl.Segmenter(document.documentElement.lang || "en", {granularity: "word"});

  const found = new Map();
  const check = (run) => {
    if (!/\S/.test(run.text)) return;
    // Most runs fit on one line: then no word in them can be split.
    const all = run.pieces.flatMap((p) => boxes(p.node, 0, p.node.length));
    if (lineCount(all) < 2) return;
    for (const segment of segmenter.segment(run.text)) {
      if (!segment.isWordLike || segment.segment.length < 2) continue;
      const start = segment.index;
      const end = start + segment.segment.length;
      const parts = [];
      for (const p of run.pieces) {
        const from = Math.max(start, p.offset);
        const to = Math.min(end, p.offset + p.node.length);
        if (from < to) parts.push({piece: p, from: from - p.offset, to: to - p.offset});
      }
      const rects = parts.flatMap((part) => boxes(part.piece.node, part.from, part.to));
      if (lineCount(rects) < 2) continue;
      const element = parts[0].piece.node.parentElement;
      const before = run.text.slice(0, start).match(/\S*$/)[0];
      const after = run.text.slice(end).match(/^\S*/)[0];
      const token = before + segment.segment + after;
      const literal = element.closest("code, pre, kbd, samp") || looksLikeUrl(token);
      if (literal && naturalWidth(token, element) > columnWidth) continue;
      // Where the line breaks inside the word, for the message: "Framewor|ks".
      let shown = "";
      let previous = null;
      for (const part of parts) {
        for (let i = part.from; i < part.to; i++) {
          const [r] = boxes(part.piece.node, i, i + 1);
          if (r && previous && !sameLine(previous, r)) shown += "|";
          if (r) previous = r;
          shown += part.piece.node.data[i];
        }
      }
      const key = shown + "\u0000" + path(element);
      const entry = found.get(key) || {word: shown, element: path(element), count: 0};
      entry.count += 1;
      found.set(key, entry);
    }
  };

  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (SKIPPED.has(node.nodeName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let run = {block: null, text: "", pieces: []};
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      if (SEPARATORS.has(node.nodeName)) run.text += " ";
      continue;
    }
    const block = blockOf(node.parentElement);
    if (block !== run.block) {
      check(run);
      run = {block, text: "", pieces: []};
    }
    run.pieces.push({node, offset: run.text.length});
    run.text += node.data;
  }
  check(run);
  for (const details of closed) details.open = false;
  return [...found.values()];
}
