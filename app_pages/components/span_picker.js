// Span picker: a passage with the current span outlined; a mouse selection proposes a new extent.
// Offsets are code points (JS strings are UTF-16: converted here, once). Text nodes only.
function cpLength(s) {
  let n = 0;
  for (const _ of s) n += 1;
  return n;
}

export default function (component) {
  const { data, parentElement, setStateValue } = component;
  let box = parentElement.querySelector(".sp-box");
  const key = `${data.base}|${data.start}|${data.end}|${data.text.length}`;
  if (box && box.dataset.key === key) return;
  if (!box) {
    box = document.createElement("div");
    box.className = "sp-box";
    parentElement.appendChild(box);
  }
  box.dataset.key = key;
  if (box.spAbort) box.spAbort.abort();
  const abort = new AbortController();
  box.spAbort = abort;
  const cps = Array.from(data.text);
  const text = document.createElement("div");
  text.className = "sp-text";
  const a = Math.max(0, data.start - data.base);
  const b = Math.min(cps.length, data.end - data.base);
  const mark = document.createElement("span");
  mark.className = "sp-current";
  mark.appendChild(document.createTextNode(cps.slice(a, b).join("")));
  text.append(document.createTextNode(cps.slice(0, a).join("")), mark, document.createTextNode(cps.slice(b).join("")));
  const note = document.createElement("div");
  note.className = "sp-note";
  note.textContent = data.note;
  box.replaceChildren(text, note);
  const offset = (node, off) => {
    const r = document.createRange();
    r.setStart(text, 0);
    r.setEnd(node, off);
    return data.base + cpLength(r.toString());
  };
  text.addEventListener(
    "mouseup",
    () => {
      const sel = window.getSelection();
      if (!sel || !sel.rangeCount || sel.isCollapsed) return;
      const range = sel.getRangeAt(0);
      if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return;
      let start = offset(range.startContainer, range.startOffset);
      let end = offset(range.endContainer, range.endOffset);
      if (start > end) [start, end] = [end, start];
      if (start === end) return;
      if (window.CSS && CSS.highlights && window.Highlight) {
        CSS.highlights.set("sp-new", new Highlight(range.cloneRange()));
      }
      note.textContent = data.picked.replace("{n}", String(end - start));
      setStateValue("span", { start, end });
    },
    { signal: abort.signal },
  );
}
