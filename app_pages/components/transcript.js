// Transcript with coding highlights and character-precise selection (st.components.v2, inline).
// Offsets are Unicode code points from the start of the stored text, as in Python. The DOM is built
// from text nodes only: transcript content is never parsed as HTML.
const DIGITS = "123456789";

function cpLength(s) {
  let n = 0;
  for (const _ of s) n += 1;
  return n;
}

function segmentStyle(el, spans, pendingHere) {
  if (spans.length) {
    const stripe = 3;
    const layers = spans.map((s, i) => `${s.colour} ${i * stripe}px ${(i + 1) * stripe}px`);
    const wash = spans[0].colour + "2E";
    el.style.background = `linear-gradient(to top, ${layers.join(", ")}, ${wash} ${spans.length * stripe}px)`;
    el.style.paddingBottom = `${spans.length * stripe}px`;
    el.classList.add("tk-coded");
    el.title = spans.map((s) => `${s.code} (${s.coder})`).join("\n");
  }
  if (pendingHere) el.classList.add("tk-pending");
}

// Suggested units: a dashed box around each unit (left edge where it starts, right edge where it
// ends), a tooltip with code, score, source and evidence; the innermost unit answers a click.
function suggestionStyle(el, sugs, a, b, focus) {
  el.classList.add("tk-sug");
  if (sugs.some((u) => u.start === a)) el.classList.add("tk-sug-s");
  if (sugs.some((u) => u.end === b)) el.classList.add("tk-sug-e");
  if (focus && sugs.some((u) => u.start === focus[0] && u.end === focus[1])) el.classList.add("tk-sug-focus");
  const inner = sugs.reduce((x, u) => (u.end - u.start < x.end - x.start ? u : x));
  el.dataset.sug = `${inner.start}-${inner.end}`;
  const lines = [];
  for (const u of sugs) {
    for (const it of u.items) {
      const why = it.evidence ? ` · ${it.evidence}` : "";
      lines.push(`Vorschlag: ${it.code} (${it.score.toFixed(2)}, ${it.source})${why}`);
    }
  }
  el.title = (el.title ? el.title + "\n" : "") + lines.join("\n");
}

// `inside`: the spans that overlap this turn; `pending`: the selection, if it touches the turn;
// `sugs`: the suggested units that overlap it; `focus`: [start, end] of the unit picked in the list.
function renderTurn(turn, cps, inside, pending, sugs, focus) {
  const box = document.createElement("div");
  box.className = "tk-turn";
  const head = document.createElement("div");
  head.className = "tk-head";
  const speaker = document.createElement("span");
  speaker.className = "tk-speaker";
  speaker.textContent = turn.speaker || "\u00b6";
  head.appendChild(speaker);
  if (turn.time) {
    const time = document.createElement("span");
    time.className = "tk-time";
    time.textContent = turn.time;
    head.appendChild(time);
  }
  const whole = document.createElement("button");
  whole.className = "tk-whole";
  whole.type = "button";
  whole.textContent = "ganzer Beitrag";
  whole.dataset.start = String(turn.start);
  whole.dataset.end = String(turn.end);
  head.appendChild(whole);
  box.appendChild(head);

  const text = document.createElement("div");
  text.className = "tk-text";
  text.dataset.start = String(turn.start);
  text.dataset.end = String(turn.end);
  const cuts = new Set([turn.start, turn.end]);
  for (const s of inside) {
    if (s.start > turn.start) cuts.add(s.start);
    if (s.end < turn.end) cuts.add(s.end);
  }
  for (const u of sugs) {
    if (u.start > turn.start && u.start < turn.end) cuts.add(u.start);
    if (u.end > turn.start && u.end < turn.end) cuts.add(u.end);
  }
  if (pending) {
    if (pending.start > turn.start && pending.start < turn.end) cuts.add(pending.start);
    if (pending.end > turn.start && pending.end < turn.end) cuts.add(pending.end);
  }
  const points = Array.from(cuts).sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i += 1) {
    const a = points[i];
    const b = points[i + 1];
    const covering = inside.filter((s) => s.start <= a && s.end >= b);
    const pendingHere = pending && pending.start <= a && pending.end >= b;
    const suggested = sugs.filter((u) => u.start <= a && u.end >= b);
    const chunk = cps.slice(a, b).join("");
    if (!covering.length && !pendingHere && !suggested.length) {
      text.appendChild(document.createTextNode(chunk));
      continue;
    }
    const seg = document.createElement("span");
    seg.dataset.pos = String(a);
    seg.appendChild(document.createTextNode(chunk));
    segmentStyle(seg, covering, pendingHere);
    if (suggested.length) suggestionStyle(seg, suggested, a, b, focus);
    text.appendChild(seg);
  }
  box.appendChild(text);
  return box;
}

function boundary(root, node, offset, isStart) {
  const el = node.nodeType === 1 ? node : node.parentElement;
  const container = el && el.closest ? el.closest(".tk-text") : null;
  if (container && root.contains(container)) {
    const r = document.createRange();
    r.setStart(container, 0);
    r.setEnd(node, offset);
    return Number(container.dataset.start) + cpLength(r.toString());
  }
  const probe = document.createRange();
  probe.setStart(node, offset);
  probe.collapse(true);
  const texts = Array.from(root.querySelectorAll(".tk-text"));
  if (isStart) {
    for (const t of texts) {
      const r = document.createRange();
      r.selectNodeContents(t);
      if (probe.compareBoundaryPoints(Range.START_TO_START, r) <= 0) return Number(t.dataset.start);
    }
    return null;
  }
  for (const t of texts.reverse()) {
    const r = document.createRange();
    r.selectNodeContents(t);
    if (probe.compareBoundaryPoints(Range.END_TO_END, r) >= 0) return Number(t.dataset.end);
  }
  return null;
}

function expand(data) {
  const codes = data.codes;
  const coders = data.coders;
  const spans = data.spans.map(([start, end, code, coder, mine]) => ({
    start, end, code: codes[code][0], colour: codes[code][1], coder: coders[coder], mine: !!mine,
  }));
  const turns = data.turns.map(([start, end, speaker, time]) => ({ start, end, speaker, time }));
  const sugCodes = data.sugCodes || [];
  const sugs = (data.sugs || []).map(([start, end, items]) => ({
    start,
    end,
    items: items.map(([code, score, source, evidence]) => ({ code: sugCodes[code], score, source, evidence })),
  }));
  return { spans, turns, sugs };
}

export default function (component) {
  const { data, parentElement, setTriggerValue, setStateValue } = component;
  let root = parentElement.querySelector(".tk-root");
  if (!root) {
    root = document.createElement("div");
    root.className = "tk-root";
    parentElement.appendChild(root);
  }
  const pending = data.pending || null;
  const key = `${data.revision}|${pending ? pending.start + "-" + pending.end : ""}|${data.sugKey || ""}`;
  if (root.dataset.key === key) return;
  root.dataset.key = key;
  if (root.tkAbort) root.tkAbort.abort();
  const abort = new AbortController();
  root.tkAbort = abort;
  const opts = { signal: abort.signal };

  // The text comes once per document; later updates carry only highlights.
  if (data.text !== null && data.text !== undefined) {
    if (root.tkTextKey !== data.textKey) {
      root.tkTextKey = data.textKey;
      root.tkCps = Array.from(data.text);
      root.tkTurns = null;
    }
    setStateValue("held", data.textKey);
  } else if (root.tkTextKey !== data.textKey) {
    root.dataset.key = "";
    setStateValue("held", null);  // this browser lost the text (remount): ask for it again
    return;
  }
  const cps = root.tkCps;
  const { spans, turns, sugs } = expand(data);
  const focus = data.sugFocus || null;
  // Re-render only the turns whose highlights changed; a new document or filter rebuilds all.
  const layout = turns.map((t) => `${t.start}-${t.end}`).join(",");
  const previous = root.tkTurns && root.tkLayout === layout ? root.tkTurns : null;
  const next = [];
  const frag = previous ? null : document.createDocumentFragment();
  turns.forEach((turn, i) => {
    const inside = spans.filter((s) => s.start < turn.end && s.end > turn.start);
    const touches = pending && pending.start < turn.end && pending.end > turn.start;
    const here = sugs.filter((u) => u.start < turn.end && u.end > turn.start);
    const focused = focus && focus[0] < turn.end && focus[1] > turn.start ? focus : null;
    const sig = JSON.stringify([inside, touches ? pending : null, here, focused]);
    if (previous && previous[i].sig === sig) {
      next.push(previous[i]);
      return;
    }
    const el = renderTurn(turn, cps, inside, touches ? pending : null, here, focused);
    if (previous) previous[i].el.replaceWith(el);
    else frag.appendChild(el);
    next.push({ sig, el });
  });
  if (frag) root.replaceChildren(frag);
  root.tkTurns = next;
  root.tkLayout = layout;
  root.tkLast = pending;

  root.addEventListener(
    "mouseup",
    (event) => {
      if (event.target.closest && event.target.closest(".tk-whole")) return;
      const sel = window.getSelection();
      if (sel && sel.rangeCount && !sel.isCollapsed) {
        const range = sel.getRangeAt(0);
        if (!root.contains(range.commonAncestorContainer) && !root.contains(range.startContainer)) return;
        let start = boundary(root, range.startContainer, range.startOffset, true);
        let end = boundary(root, range.endContainer, range.endOffset, false);
        if (start === null || end === null) return;
        if (start > end) [start, end] = [end, start];
        if (start === end) return;
        root.tkLast = { start, end };
        setTriggerValue("selection", { start, end });
        return;
      }
      const seg = event.target.closest ? event.target.closest(".tk-coded, .tk-sug") : null;
      if (!seg || !root.contains(seg)) return;
      const coded = seg.classList.contains("tk-coded");
      // a click on a suggested unit picks it in the side list ("sug": "start-end")
      setTriggerValue("click", { pos: coded ? Number(seg.dataset.pos) : null, sug: seg.dataset.sug || null });
    },
    opts,
  );
  root.addEventListener(
    "click",
    (event) => {
      const button = event.target.closest ? event.target.closest(".tk-whole") : null;
      if (!button) return;
      const sel = { start: Number(button.dataset.start), end: Number(button.dataset.end) };
      root.tkLast = sel;
      setTriggerValue("selection", sel);
    },
    opts,
  );
  document.addEventListener(
    "keydown",
    (event) => {
      const t = event.target;
      if (t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName))) return;
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z") {
        event.preventDefault();
        setTriggerValue("history", event.shiftKey ? "redo" : "undo");
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const slot = DIGITS.indexOf(event.key);
      if (slot >= 0 && root.tkLast) {
        event.preventDefault();
        setTriggerValue("shortcut", { start: root.tkLast.start, end: root.tkLast.end, slot: slot + 1 });
      }
    },
    opts,
  );
}
