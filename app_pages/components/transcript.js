// The Kodieren workbench (st.components.v2, inline): transcript with coding highlights, a code margin
// (one coloured bracket per coding with its code's name), a code tree panel, and a popup at each
// selection to assign a code, make an in-vivo code or move a coding to the new extent.
// Offsets are Unicode code points from the start of the stored text, as in Python: JS strings are
// UTF-16, so every boundary is converted once here (cpLength, Array.from). The DOM is built from text
// nodes only: transcript content and code names are never parsed as HTML.
// An assignment is drawn at once (optimistic) and sent as an "op"; the server's answer (the next data,
// which lists the ops it handled and a German message for each) confirms it or takes it back.
const DIGITS = "123456789";
const LANE = 7; // px between stacked brackets in the margin
const MAX_LANES = 6;
const LABEL_H = 17; // px per margin label
const POPUP_ITEMS = 9;
// the words of the workbench in the tab's language (from the server, ui.transcript.* in the catalog)
let WORDS = {};
// code path -> the path as shown in the tab's language (names from the code tree rows; a path stays
// the code's identifier in every op and event)
let NAMES = {};

function w(key, values) {
  let text = WORDS[key] || key;
  for (const [name, value] of Object.entries(values || {})) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}

function cpLength(s) {
  let n = 0;
  for (const _ of s) n += 1;
  return n;
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}

function initials(name) {
  const words = String(name).split(/[\s._-]+/).filter(Boolean);
  if (words.length > 1) return (words[0][0] + words[1][0]).toUpperCase();
  return String(name).slice(0, 2).toUpperCase();
}

function lastPart(path) {
  const i = path.lastIndexOf("/");
  return i < 0 ? path : path.slice(i + 1);
}

function namesOf(tree) {
  const names = {};
  for (const [path, name] of tree || []) {
    const parent = parentPath(path);
    names[path] = parent ? `${names[parent] || parent}/${name}` : name;
  }
  return names;
}

// A code as shown: its path in the tab's language, and its own name (the path's last part).
function shownPath(path) {
  return NAMES[path] || path;
}

function nameOf(path) {
  return lastPart(shownPath(path));
}

function parentPath(path) {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i);
}

function segmentStyle(seg, spans, mark, selected) {
  if (spans.length) {
    const stripe = 3;
    const layers = spans.map((s, i) => `${s.colour} ${i * stripe}px ${(i + 1) * stripe}px`);
    const wash = spans[0].colour + "2E";
    seg.style.background = `linear-gradient(to top, ${layers.join(", ")}, ${wash} ${spans.length * stripe}px)`;
    seg.style.paddingBottom = `${spans.length * stripe}px`;
    seg.classList.add("tk-coded");
    seg.title = spans.map((s) => `${shownPath(s.code)} (${s.coder})`).join("\n");
    if (spans.some((s) => s.optimistic)) seg.classList.add("tk-optimistic");
    if (selected && spans.some((s) => s.guid === selected)) seg.classList.add("tk-selspan");
  }
  if (mark) seg.classList.add("tk-linked");
}

// Suggested units: a dashed box around each unit (left edge where it starts, right edge where it
// ends), a tooltip with code, score, source and evidence; the innermost unit answers a click.
function suggestionStyle(seg, sugs, a, b, focus) {
  seg.classList.add("tk-sug");
  if (sugs.some((u) => u.start === a)) seg.classList.add("tk-sug-s");
  if (sugs.some((u) => u.end === b)) seg.classList.add("tk-sug-e");
  if (focus && sugs.some((u) => u.start === focus[0] && u.end === focus[1])) seg.classList.add("tk-sug-focus");
  const inner = sugs.reduce((x, u) => (u.end - u.start < x.end - x.start ? u : x));
  seg.dataset.sug = `${inner.start}-${inner.end}`;
  const lines = [];
  for (const u of sugs) {
    for (const it of u.items) {
      const why = it.evidence ? ` · ${it.evidence}` : "";
      lines.push(w("suggested", { code: shownPath(it.code), score: it.score.toFixed(2), source: it.source }) + why);
    }
  }
  seg.title = (seg.title ? seg.title + "\n" : "") + lines.join("\n");
}

// One turn: head (speaker, time, w("whole")), text cut at every boundary, margin (filled later).
// `inside`: spans overlapping the turn; `mark`: the linked span if it touches the turn.
function renderTurn(turn, cps, inside, mark, sugs, focus, selected) {
  const box = el("div", "tk-turn");
  const head = el("div", "tk-head");
  head.appendChild(el("span", "tk-speaker", turn.speaker || "\u00b6"));
  if (turn.time) head.appendChild(el("span", "tk-time", turn.time));
  if (turn.page) { // a PDF transcript: the page to cite
    const page = el("span", "tk-page", w("page", { page: turn.page }));
    page.title = w("page_title", { page: turn.page });
    head.appendChild(page);
  }
  const whole = el("button", "tk-whole", w("whole"));
  whole.type = "button";
  whole.dataset.start = String(turn.start);
  whole.dataset.end = String(turn.end);
  head.appendChild(whole);
  box.appendChild(head);

  const text = el("div", "tk-text");
  text.dataset.start = String(turn.start);
  text.dataset.end = String(turn.end);
  const cuts = new Set([turn.start, turn.end]);
  const cut = (p) => {
    if (p > turn.start && p < turn.end) cuts.add(p);
  };
  for (const s of inside) {
    cut(s.start);
    cut(s.end);
  }
  for (const u of sugs) {
    cut(u.start);
    cut(u.end);
  }
  if (mark) {
    cut(mark.start);
    cut(mark.end);
  }
  const points = Array.from(cuts).sort((a, b) => a - b);
  const segs = [];
  // the picked coding, if it is one's own, gets a handle at each end to drag (no text inside them:
  // offsets counted over the text are not changed by them)
  const own = selected ? inside.find((s) => s.guid === selected && s.mine) : null;
  const handle = (which) => {
    const h = el("span", `tk-handle tk-handle-${which}`);
    h.dataset.end = which;
    h.title = which === "start" ? w("drag_start") : w("drag_end");
    return h;
  };
  for (let i = 0; i + 1 < points.length; i += 1) {
    const a = points[i];
    const b = points[i + 1];
    if (own && own.start === a) text.appendChild(handle("start"));
    const covering = inside.filter((s) => s.start <= a && s.end >= b);
    const marked = mark && mark.start <= a && mark.end >= b;
    const suggested = sugs.filter((u) => u.start <= a && u.end >= b);
    const chunk = cps.slice(a, b).join("");
    if (!covering.length && !marked && !suggested.length) {
      text.appendChild(document.createTextNode(chunk));
      continue;
    }
    const seg = el("span");
    seg.dataset.pos = String(a);
    seg.appendChild(document.createTextNode(chunk));
    if (covering.length || marked) segmentStyle(seg, covering, marked, selected);
    if (suggested.length) suggestionStyle(seg, suggested, a, b, focus);
    text.appendChild(seg);
    if (covering.length) segs.push({ a, b, seg });
    if (own && own.end === b) text.appendChild(handle("end"));
  }
  box.appendChild(text);
  const margin = el("div", "tk-margin");
  box.appendChild(margin);
  return { box, margin, segs, inside, turn };
}

// Margin of one turn, in two phases so that the whole document is laid out once: measure (reads)
// then draw (writes).
function measureMargin(rec) {
  const top = rec.margin.getBoundingClientRect().top;
  const out = [];
  for (const s of rec.inside) {
    const a = Math.max(s.start, rec.turn.start);
    const b = Math.min(s.end, rec.turn.end);
    const first = rec.segs.find((x) => x.a >= a);
    let last = null;
    for (const x of rec.segs) if (x.b <= b && x.a >= a) last = x;
    if (!first || !last) continue;
    const r1 = first.seg.getClientRects();
    const r2 = last.seg.getClientRects();
    if (!r1.length || !r2.length) continue;
    out.push({ s, y1: r1[0].top - top, y2: r2[r2.length - 1].bottom - top, head: s.start >= rec.turn.start });
  }
  return out;
}

function drawMargin(rec, bars, opts) {
  const { showInitials, selected } = opts;
  const margin = rec.margin;
  margin.replaceChildren();
  bars.sort((p, q) => p.y1 - q.y1 || q.y2 - p.y2);
  const lanes = [];
  for (const bar of bars) {
    let lane = lanes.findIndex((bottom) => bottom < bar.y1 - 1);
    if (lane < 0) {
      lane = Math.min(lanes.length, MAX_LANES - 1);
    }
    lanes[lane] = Math.max(lanes[lane] || 0, bar.y2);
    bar.lane = lane;
  }
  const labelX = Math.min(lanes.length, MAX_LANES) * LANE + 4;
  let free = 0;
  const frag = document.createDocumentFragment();
  for (const bar of bars) {
    const s = bar.s;
    const who = showInitials ? ` · ${initials(s.coder)}` : "";
    const tip = `${shownPath(s.code)} (${s.coder})${s.weight ? w("weight", { weight: s.weight }) : ""}`;
    const bracket = el("div", "tk-bracket");
    bracket.style.left = `${bar.lane * LANE}px`;
    bracket.style.top = `${bar.y1 + 2}px`;
    bracket.style.height = `${Math.max(6, bar.y2 - bar.y1 - 4)}px`;
    bracket.style.borderColor = s.colour;
    bracket.title = tip;
    if (s.guid) bracket.dataset.guid = s.guid;
    if (s.optimistic) bracket.classList.add("tk-optimistic");
    if (selected && s.guid === selected) bracket.classList.add("tk-selected");
    frag.appendChild(bracket);
    const y = Math.max(bar.y1, free);
    const label = el("div", "tk-label", nameOf(s.code) + who);
    label.style.left = `${labelX}px`;
    label.style.top = `${y}px`;
    label.style.borderLeftColor = s.colour;
    label.title = tip;
    if (s.guid) label.dataset.guid = s.guid;
    if (!bar.head) label.classList.add("tk-cont");
    if (s.optimistic) label.classList.add("tk-optimistic");
    if (selected && s.guid === selected) label.classList.add("tk-selected");
    frag.appendChild(label);
    free = y + LABEL_H;
  }
  margin.appendChild(frag);
  margin.style.minHeight = free ? `${free}px` : "";
}

function boundary(root, node, offset, isStart) {
  const e = node.nodeType === 1 ? node : node.parentElement;
  const container = e && e.closest ? e.closest(".tk-text") : null;
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
  const spans = data.spans.map(([start, end, code, coder, mine, guid, version]) => ({
    start,
    end,
    code: codes[code][0],
    colour: codes[code][1],
    coder: coders[coder],
    mine: !!mine,
    guid,
    version,
  }));
  const turns = data.turns.map(([start, end, speaker, time, seconds, seq, page]) => ({
    start, end, speaker, time, seconds, seq, page,
  }));
  const sugCodes = data.sugCodes || [];
  const sugs = (data.sugs || []).map(([start, end, items]) => ({
    start,
    end,
    items: items.map(([code, score, source, evidence]) => ({ code: sugCodes[code], score, source, evidence })),
  }));
  return { spans, turns, sugs };
}

const TRIM = /^[\s"'„“”‚‘’«»,.;:!?()[\]–-]+|[\s"'„“”‚‘’«»,.;:!?()[\]–-]+$/g;

// The name an in-vivo code gets from the selected words (as toolkit.workbench.in_vivo_name).
function invivoName(quote) {
  const name = quote.replace(/\//g, "-").split(/\s+/).filter(Boolean).join(" ").replace(TRIM, "");
  return name.length > 60 ? name.slice(0, 60).replace(/\s+\S*$/, "").replace(/[\s,.;:–-]+$/, "") : name;
}

function pref(name, fallback) {
  try {
    const v = window.localStorage.getItem(`tk.${name}`);
    return v === null ? fallback : v === "1";
  } catch (e) {
    return fallback;
  }
}

function setPref(name, on) {
  try {
    window.localStorage.setItem(`tk.${name}`, on ? "1" : "0");
  } catch (e) {
    /* private mode: the switch holds for this page only */
  }
}

// ---------------------------------------------------------------------------------------------
// The workbench object lives on the outer element across reruns; the default export feeds it data.

function createApp(parentElement) {
  const app = el("div", "tk-app");
  const tree = el("div", "tk-tree");
  tree.lang = "de"; // German hyphenation of long code names in the tree (the codebook's names)
  const main = el("div", "tk-main");
  const bar = el("div", "tk-bar");
  const root = el("div", "tk-root");
  const turnsBox = el("div", "tk-turns");
  const toast = el("div", "tk-toast");
  toast.setAttribute("role", "status");
  toast.setAttribute("aria-live", "polite");
  root.appendChild(turnsBox);
  main.append(bar, root, toast);
  const grid = el("div", "tk-grid");
  grid.append(tree, main);
  app.appendChild(grid);
  parentElement.appendChild(app);

  const treeBtn = el("button", "tk-btn tk-tree-toggle", w("tree"));
  treeBtn.type = "button";
  const marginLbl = el("label", "tk-switch");
  const marginBox = el("input");
  marginBox.type = "checkbox";
  marginBox.className = "tk-margin-toggle";
  marginLbl.append(marginBox, document.createTextNode(w("margin")));
  const hint = el("span", "tk-hint", w("hint"));
  bar.append(treeBtn, marginLbl, hint);

  const state = {
    app,
    tree,
    main,
    root,
    turnsBox,
    toast,
    treeBtn,
    marginBox,
    cps: null,
    textKey: null,
    layout: null,
    recs: [],
    spans: [],
    turns: [],
    sugs: [],
    data: null,
    optimistic: [], // ops drawn but not yet answered by the server
    seenFeedback: new Set(),
    pending: null, // {start, end}: the selection the popup acts on
    popup: null,
    selected: null, // guid of the coding picked in the margin
    focusKey: null,
    treeKey: null,
    collapsed: new Set(),
    send: null,
  };
  watchTurns(state);
  const narrow = app.getBoundingClientRect().width < 860;
  state.treeOpen = !narrow && pref("tree", true);
  state.marginOn = pref("margin", true);
  marginBox.checked = state.marginOn;
  app.classList.toggle("tk-tree-open", state.treeOpen);
  app.classList.toggle("tk-no-margin", !state.marginOn);
  treeBtn.setAttribute("aria-pressed", String(state.treeOpen));
  return state;
}

function showToast(st, text, ok) {
  st.toast.textContent = text;
  st.toast.classList.toggle("tk-error", !ok);
  st.toast.classList.add("tk-show");
  clearTimeout(st.toastTimer);
  st.toastTimer = setTimeout(() => st.toast.classList.remove("tk-show"), ok ? 2500 : 6000);
}

function newOp(st, kind, fields) {
  st.opSeq = (st.opSeq || 0) + 1;
  const op = {
    op: `${Date.now().toString(36)}-${st.opSeq}`,
    kind,
    doc: st.data.document,
    ...fields,
    sent: performance.now(),
  };
  st.queue = (st.queue || []).concat([op]);
  sendOps(st);
  return op;
}

function sendOps(st) {
  const ops = (st.queue || []).map(({ sent, ...rest }) => rest);
  st.send("ops", { ops });
}

function codeColour(st, path) {
  const row = (st.data.tree || []).find((r) => r[0] === path);
  return row && row[2] ? row[2] : "#888888";
}

// Assign `path` to the span: refused at once when it is already there, drawn at once otherwise.
function assign(st, span, path) {
  const me = st.data.me;
  const twin = st.spans.concat(st.optimistic).find(
    (s) => s.mine && s.start === span.start && s.end === span.end && s.code === path,
  );
  if (twin) {
    showToast(st, w("already", { code: nameOf(path) }), false);
    return false;
  }
  if (!st.data.canCode) {
    showToast(st, st.data.cannotCode || w("may_not"), false);
    return false;
  }
  const op = newOp(st, "assign", { start: span.start, end: span.end, code: path });
  st.optimistic.push({
    start: span.start,
    end: span.end,
    code: path,
    colour: codeColour(st, path),
    coder: me,
    mine: true,
    guid: null,
    optimistic: op.op,
  });
  closePopup(st, true);
  render(st, { partial: true });
  showToast(st, w("assigned", { code: nameOf(path) }), true);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Popup

function closePopup(st, clearSelection) {
  if (st.popup) {
    st.popup.remove();
    st.popup = null;
  }
  if (clearSelection) {
    st.pending = null;
    if (window.CSS && CSS.highlights) CSS.highlights.delete("tk-pending");
  }
}

function matches(paths, query) {
  const words = query.toLocaleLowerCase("de").split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const scored = [];
  for (const p of paths) {
    const low = shownPath(p).toLocaleLowerCase("de");
    if (!words.every((w) => low.includes(w))) continue;
    const name = lastPart(low);
    const score = (name.startsWith(words[0]) ? 0 : name.includes(words[0]) ? 1 : 2) + p.split("/").length / 10;
    scored.push([score, p]);
  }
  scored.sort((x, y) => x[0] - y[0]);
  return scored.slice(0, 30).map((x) => x[1]);
}

function pathItem(path, number) {
  const item = el("div", "tk-item");
  item.setAttribute("role", "option");
  item.dataset.path = path;
  const dot = el("span", "tk-dot");
  const nameLine = el("div", "tk-item-name");
  if (number) nameLine.appendChild(el("span", "tk-num", `${number}`));
  nameLine.appendChild(dot);
  nameLine.appendChild(document.createTextNode(nameOf(path)));
  item.appendChild(nameLine);
  const parent = parentPath(shownPath(path));
  if (parent) item.appendChild(el("div", "tk-item-path", parent.split("/").join(" › ")));
  return { item, dot };
}

function openPopup(st, span, rect) {
  closePopup(st, false);
  st.pending = span;
  const quote = st.cps.slice(span.start, span.end).join("");
  const popup = el("div", "tk-popup");
  popup.setAttribute("role", "dialog");
  popup.setAttribute("aria-label", w("assign"));
  const input = el("input", "tk-search");
  input.type = "text";
  input.placeholder = w("find");
  input.setAttribute("aria-label", w("find_label"));
  popup.appendChild(input);
  const list = el("div", "tk-list");
  list.setAttribute("role", "listbox");
  popup.appendChild(list);
  const foot = el("div", "tk-foot");
  popup.appendChild(foot);
  const paths = (st.data.tree || []).map((r) => r[0]);
  const recent = st.data.recent || [];
  const sel = st.selected && st.spans.find((s) => s.guid === st.selected && s.mine);
  let items = [];
  let active = 0;

  const choose = (i) => {
    const it = items[i];
    if (!it) return;
    if (it.kind === "code") assign(st, span, it.path);
    else if (it.kind === "adjust") adjust(st, sel, span);
    else if (it.kind === "invivo") invivoForm(st, popup, span, quote);
    else if (it.kind === "para") paraphraseForm(st, popup, span, quote);
  };
  const paint = () => {
    list.replaceChildren();
    items.forEach((it, i) => {
      it.node.classList.toggle("tk-active", i === active);
      it.node.setAttribute("aria-selected", String(i === active));
      list.appendChild(it.node);
    });
    const a = items[active];
    if (a && a.node.scrollIntoView) a.node.scrollIntoView({ block: "nearest" });
  };
  const fill = () => {
    const q = input.value.trim();
    items = [];
    if (sel && !q) {
      const node = el("div", "tk-item tk-special");
      node.appendChild(el("div", "tk-item-name", w("move_to", { code: nameOf(sel.code) })));
      const was = st.cps.slice(sel.start, sel.end).join("");
      const shortWas = was.length > 60 ? `${was.slice(0, 57)} …` : was;
      node.appendChild(el("div", "tk-item-path", w("was", { was: shortWas })));
      items.push({ kind: "adjust", node });
    }
    const shown = q ? matches(paths, q) : recent.slice(0, POPUP_ITEMS);
    if (!q && shown.length) list.dataset.caption = w("recent");
    else delete list.dataset.caption;
    shown.forEach((p, i) => {
      const { item, dot } = pathItem(p, q ? null : i + 1);
      dot.style.background = codeColour(st, p);
      items.push({ kind: "code", path: p, node: item });
    });
    if (!q && !shown.length) {
      items.push({ kind: "none", node: el("div", "tk-item tk-empty", w("type")) });
    }
    if (q && !shown.length) {
      items.push({ kind: "none", node: el("div", "tk-item tk-empty", w("none", { q })) });
    }
    const node = el("div", "tk-item tk-special tk-invivo");
    node.appendChild(el("div", "tk-item-name", w("invivo")));
    node.appendChild(el("div", "tk-item-path", st.data.canAddCode ? `„${invivoName(quote)}“` : st.data.cannotAddCode));
    items.push({ kind: st.data.canAddCode ? "invivo" : "none", node });
    if (st.data.paraphrases) {
      const para = el("div", "tk-item tk-special tk-para");
      para.appendChild(el("div", "tk-item-name", w("para_write")));
      para.appendChild(el("div", "tk-item-path", w("para_hint")));
      items.push({ kind: "para", node: para });
    }
    active = items.findIndex((it) => it.kind !== "none");
    if (active < 0) active = 0;
    paint();
  };
  list.addEventListener("mousedown", (e) => e.preventDefault());
  list.addEventListener("click", (e) => {
    const node = e.target.closest(".tk-item");
    const i = items.findIndex((it) => it.node === node);
    if (i >= 0) choose(i);
  });
  input.addEventListener("input", fill);
  // keys reach the popup from the search box, or from the page while the text selection still
  // shows (the box takes the focus with the first letter typed, so the selection stays visible)
  const onKey = (e) => {
    if (e.key === "Escape") {
      e.preventDefault();
      closePopup(st, true);
      return;
    }
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      for (let k = 0; k < items.length; k += 1) {
        active = (active + step + items.length) % items.length;
        if (items[active].kind !== "none") break;
      }
      paint();
      return;
    }
    if (e.key === "Enter") {
      e.preventDefault();
      choose(active);
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const slot = DIGITS.indexOf(e.key);
    if (slot >= 0 && !input.value) {
      e.preventDefault();
      if (recent[slot]) assign(st, span, recent[slot]);
      return;
    }
    if (e.target !== input && e.key.length === 1) input.focus({ preventScroll: true });
  };
  input.addEventListener("keydown", (e) => {
    e.stopPropagation();
    onKey(e);
  });
  popup.tkKey = onKey;
  foot.textContent = w("foot", { n: span.end - span.start });
  fill();
  placePopup(st, popup, rect);
  st.popup = popup;
}

function placePopup(st, popup, rect) {
  const box = st.root.getBoundingClientRect();
  st.root.appendChild(popup);
  const width = Math.min(360, box.width - 16);
  popup.style.width = `${width}px`;
  let left = rect.left - box.left;
  left = Math.max(4, Math.min(left, box.width - width - 12));
  let top = rect.bottom - box.top + st.root.scrollTop + 6;
  const h = popup.offsetHeight;
  if (rect.bottom + h + 8 > Math.min(window.innerHeight, box.bottom) && rect.top - box.top > h + 8) {
    top = rect.top - box.top + st.root.scrollTop - h - 6;
  }
  popup.style.left = `${left}px`;
  popup.style.top = `${top}px`;
}

function invivoForm(st, popup, span, quote) {
  popup.replaceChildren();
  popup.tkKey = null;
  popup.classList.add("tk-form");
  popup.appendChild(el("div", "tk-form-title", w("invivo_title")));
  const nameLbl = el("label", "tk-field", "Name");
  const name = el("input", "tk-invivo-name");
  name.type = "text";
  name.value = invivoName(quote);
  nameLbl.appendChild(name);
  const parentLbl = el("label", "tk-field", w("under"));
  const parent = el("select", "tk-invivo-parent");
  const top = el("option", null, w("top"));
  top.value = "";
  parent.appendChild(top);
  const last = st.lastPath ? parentPath(st.lastPath) : (st.data.recent || []).map(parentPath)[0] || "";
  for (const row of st.data.tree || []) {
    const o = el("option", null, `${"\u2003".repeat(row[3])}${row[1]}`);
    o.value = row[0];
    o.title = shownPath(row[0]);
    if (row[0] === last) o.selected = true;
    parent.appendChild(o);
  }
  parentLbl.appendChild(parent);
  const buttons = el("div", "tk-form-buttons");
  const ok = el("button", "tk-btn tk-primary", w("create_assign"));
  ok.type = "button";
  const cancel = el("button", "tk-btn", "Abbrechen");
  cancel.type = "button";
  buttons.append(ok, cancel);
  popup.append(nameLbl, parentLbl, buttons);
  const submit = () => {
    const n = name.value.trim().replace(/\s+/g, " ");
    if (!n) {
      showToast(st, w("needs_name"), false);
      return;
    }
    if (n.includes("/")) {
      showToast(st, w("no_slash"), false);
      return;
    }
    const path = parent.value ? `${parent.value}/${n}` : n;
    const taken = (st.data.tree || []).some((r) => r[0].toLocaleLowerCase("de") === path.toLocaleLowerCase("de"));
    if (taken) {
      showToast(st, w("exists", { name: n }), false);
      return;
    }
    const op = newOp(st, "invivo", { start: span.start, end: span.end, parent: parent.value, name: n });
    st.optimistic.push({
      start: span.start,
      end: span.end,
      code: path,
      colour: parent.value ? codeColour(st, parent.value) : "#888888",
      coder: st.data.me,
      mine: true,
      guid: null,
      optimistic: op.op,
    });
    closePopup(st, true);
    render(st, { partial: true });
    showToast(st, w("creating_assign", { name: n }), true);
  };
  ok.addEventListener("click", submit);
  cancel.addEventListener("click", () => closePopup(st, true));
  popup.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      e.preventDefault();
      closePopup(st, true);
    } else if (e.key === "Enter" && e.target.tagName !== "BUTTON") {
      e.preventDefault();
      submit();
    }
  });
  name.focus({ preventScroll: true });
  name.select();
}

// The paraphrase of a free selection (issue 20): written in the popup, saved by the server as an
// op; the side column lists it after the answer.
function paraphraseForm(st, popup, span, quote) {
  popup.replaceChildren();
  popup.tkKey = null;
  popup.classList.add("tk-form");
  popup.appendChild(el("div", "tk-form-title", w("para_title")));
  const shortQuote = quote.length > 90 ? `${quote.slice(0, 87)} …` : quote;
  popup.appendChild(el("div", "tk-field tk-para-quote", `„${shortQuote}“`));
  const body = el("textarea", "tk-para-text");
  body.rows = 3;
  body.placeholder = w("para_keys");
  body.setAttribute("aria-label", w("para_title"));
  const buttons = el("div", "tk-form-buttons");
  const ok = el("button", "tk-btn tk-primary", w("para_save"));
  ok.type = "button";
  const cancel = el("button", "tk-btn", w("para_cancel"));
  cancel.type = "button";
  buttons.append(ok, cancel);
  popup.append(body, buttons);
  const submit = () => {
    const text = body.value.trim();
    if (!text) {
      showToast(st, w("para_empty"), false);
      return;
    }
    newOp(st, "paraphrase", { start: span.start, end: span.end, text });
    closePopup(st, true);
    showToast(st, w("para_saving"), true);
  };
  ok.addEventListener("click", submit);
  cancel.addEventListener("click", () => closePopup(st, true));
  popup.addEventListener("keydown", (e) => {
    e.stopPropagation();
    if (e.key === "Escape") {
      e.preventDefault();
      closePopup(st, true);
    } else if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  });
  body.focus({ preventScroll: true });
}

function adjust(st, coding, span) {
  if (coding.start === span.start && coding.end === span.end) {
    showToast(st, w("same_extent"), false);
    return;
  }
  newOp(st, "adjust", { guid: coding.guid, version: coding.version, start: span.start, end: span.end });
  closePopup(st, true);
  showToast(st, w("changing", { code: nameOf(coding.code) }), true);
}

// ---------------------------------------------------------------------------------------------
// Code tree panel: the codebook's levels (fields of action, valence, codes) with colours and counts.

function renderTree(st) {
  const rows = st.data.tree || [];
  const key = JSON.stringify([rows, st.data.canAddCode]);
  if (st.treeKey === key) return;
  st.treeKey = key;
  const panel = st.tree;
  let filter = panel.querySelector(".tk-filter");
  let body = panel.querySelector(".tk-tree-body");
  if (!filter) {
    const head = el("div", "tk-tree-head");
    head.appendChild(el("span", "tk-tree-title", "Codes"));
    head.appendChild(el("span", "tk-tree-legend", w("legend")));
    filter = el("input", "tk-filter");
    filter.type = "search";
    filter.placeholder = w("filter");
    filter.setAttribute("aria-label", w("filter_label"));
    body = el("div", "tk-tree-body");
    panel.append(head, filter, body);
    filter.addEventListener("input", () => applyTreeFilter(st));
    body.addEventListener("mousedown", (e) => {
      if (!e.target.closest("input")) e.preventDefault(); // keep the text selection
    });
    body.addEventListener("click", (e) => treeClick(st, e));
    body.addEventListener("keydown", (e) => {
      if (e.target.classList.contains("tk-add-input")) {
        if (e.key === "Enter") {
          e.preventDefault();
          const name = e.target.value.trim().replace(/\s+/g, " ");
          const parent = e.target.dataset.parent || "";
          if (name.includes("/")) {
            showToast(st, w("no_slash"), false);
            return;
          }
          if (name) {
            newOp(st, "code", { parent, name });
            showToast(st, w("creating", { name }), true);
          }
          e.target.closest(".tk-add-row").remove();
        } else if (e.key === "Escape") {
          e.target.closest(".tk-add-row").remove();
        }
      }
    });
  }
  const frag = document.createDocumentFragment();
  rows.forEach(([path, name, colour, depth, doc, all, kids]) => {
    const row = el("div", "tk-node");
    row.dataset.path = path;
    row.dataset.depth = String(depth);
    row.style.paddingLeft = `${depth * 0.9 + 0.2}rem`;
    const caret = el("button", "tk-caret", kids ? (st.collapsed.has(path) ? "▸" : "▾") : "");
    caret.type = "button";
    caret.tabIndex = -1;
    if (!kids) caret.disabled = true;
    const dot = el("span", "tk-dot");
    dot.style.background = colour || "#888888";
    const label = el("span", "tk-node-name", name);
    label.title = shownPath(path).split("/").join(" › ");
    const count = el("span", "tk-count", `${doc} / ${all}`);
    count.title = w("count", { doc, all });
    row.append(caret, dot, label, count);
    if (st.data.canAddCode && depth < 3) {
      const add = el("button", "tk-add", "+");
      add.type = "button";
      add.title = w("add_child", { name });
      row.appendChild(add);
    }
    if (depth === 0) row.classList.add("tk-field-row");
    frag.appendChild(row);
  });
  if (st.data.canAddCode) {
    const top = el("button", "tk-btn tk-add-top", w("add_top"));
    top.type = "button";
    frag.appendChild(top);
  }
  body.replaceChildren(frag);
  applyTreeFilter(st);
}

function applyTreeFilter(st) {
  const q = (st.tree.querySelector(".tk-filter") || {}).value || "";
  const words = q.toLocaleLowerCase("de").split(/\s+/).filter(Boolean);
  const nodes = Array.from(st.tree.querySelectorAll(".tk-node"));
  const keep = new Set();
  if (words.length) {
    for (const n of nodes) {
      const p = shownPath(n.dataset.path).toLocaleLowerCase("de");
      if (words.every((w) => p.includes(w))) {
        let x = n.dataset.path;
        while (x) {
          keep.add(x);
          x = parentPath(x);
        }
      }
    }
  }
  for (const n of nodes) {
    const path = n.dataset.path;
    let hidden = false;
    if (words.length) hidden = !keep.has(path);
    else {
      let x = parentPath(path);
      while (x && !hidden) {
        if (st.collapsed.has(x)) hidden = true;
        x = parentPath(x);
      }
    }
    n.hidden = hidden;
  }
}

function treeClick(st, e) {
  const node = e.target.closest(".tk-node");
  if (e.target.closest(".tk-add-top")) {
    addRow(st, null, "");
    return;
  }
  if (!node) return;
  const path = node.dataset.path;
  if (e.target.closest(".tk-caret")) {
    if (st.collapsed.has(path)) st.collapsed.delete(path);
    else st.collapsed.add(path);
    e.target.textContent = st.collapsed.has(path) ? "▸" : "▾";
    applyTreeFilter(st);
    return;
  }
  if (e.target.closest(".tk-add")) {
    addRow(st, node, path);
    return;
  }
  if (e.target.closest("input")) return;
  if (st.pending) {
    assign(st, st.pending, path);
  } else {
    showToast(st, w("mark_first", { code: nameOf(path) }), true);
  }
}

function addRow(st, node, parent) {
  const old = st.tree.querySelector(".tk-add-row");
  if (old) old.remove();
  const row = el("div", "tk-add-row");
  const input = el("input", "tk-add-input");
  input.type = "text";
  input.placeholder = parent ? w("new_under", { parent: nameOf(parent) }) : w("new");
  input.dataset.parent = parent;
  row.appendChild(input);
  if (node) node.after(row);
  else st.tree.querySelector(".tk-tree-body").appendChild(row);
  input.focus();
}

// ---------------------------------------------------------------------------------------------
// Rendering the turns

function render(st, { partial }) {
  const data = st.data;
  const cps = st.cps;
  const spans = st.spans.concat(st.optimistic);
  const turns = st.turns;
  const sugs = st.sugs;
  const focus = data.sugFocus || null;
  const mark = data.focus || null;
  const selected = st.selected;
  const layout = turns.map((t) => `${t.start}-${t.end}`).join(",");
  const previous = st.recs.length && st.layout === layout ? st.recs : null;
  const next = [];
  const changed = [];
  const frag = previous ? null : document.createDocumentFragment();
  turns.forEach((turn, i) => {
    const inside = spans.filter((s) => s.start < turn.end && s.end > turn.start);
    const m = mark && mark.start < turn.end && mark.end > turn.start ? mark : null;
    const here = sugs.filter((u) => u.start < turn.end && u.end > turn.start);
    const f = focus && focus[0] < turn.end && focus[1] > turn.start ? focus : null;
    const sel = selected && inside.some((s) => s.guid === selected) ? selected : null;
    const sig = JSON.stringify([inside, m, here, f, sel, turn.time]);
    if (previous && previous[i].sig === sig) {
      next.push(previous[i]);
      return;
    }
    const rec = renderTurn(turn, cps, inside, m, here, f, sel);
    rec.sig = sig;
    if (previous) {
      const old = previous[i].box;
      old.replaceWith(rec.box);
      st.io.unobserve(old);
      if (st.near.delete(old)) st.near.add(rec.box); // in view before: still in view
    } else frag.appendChild(rec.box);
    next.push(rec);
    changed.push(rec);
  });
  if (frag) {
    st.io.disconnect();
    st.near.clear();
    st.turnsBox.replaceChildren(frag);
  }
  st.recs = next;
  st.layout = layout;
  // margins are drawn for the turns in or near view (see watchTurns); the rest when they come near
  for (const rec of changed) {
    rec.marginDirty = true;
    st.io.observe(rec.box);
  }
  if (st.marginOn) drawMargins(st, changed.filter((rec) => st.near.has(rec.box)));
  st.app.dataset.rendered = String(performance.now());
  st.app.dataset.doc = data.document;
}

function drawMargins(st, recs) {
  recs = recs.filter((rec) => rec.marginDirty);
  if (!recs.length) return;
  const t0 = performance.now();
  const opts = { showInitials: (st.data.coders || []).length > 1, selected: st.selected };
  const measured = recs.map((rec) => measureMargin(rec));
  recs.forEach((rec, i) => {
    drawMargin(rec, measured[i], opts);
    rec.marginDirty = false;
  });
  st.marginMs = performance.now() - t0;
}

// Every margin has to be drawn again (a new width, the margin switched on): those near view now.
function redrawMargins(st) {
  for (const rec of st.recs) rec.marginDirty = true;
  if (st.marginOn) drawMargins(st, st.recs.filter((rec) => st.near.has(rec.box)));
}

function watchTurns(st) {
  st.near = new Set();
  st.io = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (e.isIntersecting) st.near.add(e.target);
        else st.near.delete(e.target);
      }
      if (st.marginOn) drawMargins(st, st.recs.filter((rec) => st.near.has(rec.box)));
    },
    { root: st.root, rootMargin: "800px 0px" },
  );
}

function selectCoding(st, guid) {
  st.selected = st.selected === guid ? null : guid;
  render(st, { partial: true });
  const s = st.spans.find((x) => x.guid === guid);
  if (st.selected && s) {
    const hint = s.mine
      ? w("picked_own", { code: nameOf(s.code) })
      : w("picked", { code: nameOf(s.code), coder: s.coder });
    showToast(st, hint, true);
  }
  st.send("select", { guid: st.selected, pos: s ? s.start : null });
}

function scrollToMark(st) {
  const m = st.data.focus;
  if (!m) return;
  const key = `${m.start}-${m.end}-${m.key || ""}`;
  if (st.focusKey === key) return;
  const target = st.turnsBox.querySelector(".tk-linked");
  if (!target) return;
  st.focusKey = key;
  const rootBox = st.root.getBoundingClientRect();
  const r = target.getBoundingClientRect();
  st.root.scrollTop += r.top - rootBox.top - rootBox.height / 3;
  st.app.scrollIntoView({ block: "start" });
  window.scrollBy(0, -60);
  st.app.dataset.linked = `${m.start}-${m.end}`;
}

function handleFeedback(st) {
  const data = st.data;
  if (!st.hadData) {
    // mounted anew (back from another page): earlier answers were already shown
    st.hadData = true;
    for (const f of data.feedback || []) st.seenFeedback.add(f.id);
  }
  const done = new Set(data.done || []);
  const errors = new Set();
  for (const f of data.feedback || []) {
    if (st.seenFeedback.has(f.id)) continue;
    st.seenFeedback.add(f.id);
    if (!f.ok) errors.add(f.op);
    if (!f.ok || f.show) showToast(st, f.text, f.ok);
  }
  const before = st.optimistic.length;
  st.optimistic = st.optimistic.filter((o) => !done.has(o.optimistic) && !errors.has(o.optimistic));
  st.queue = (st.queue || []).filter((o) => !done.has(o.op));
  if (st.queue.length && st.queue.some((o) => performance.now() - o.sent > 2000)) {
    st.queue.forEach((o) => {
      o.sent = performance.now();
    });
    sendOps(st); // an answer went missing (a rerun cut it off): ask again; the server skips done ops
  }
  return before !== st.optimistic.length;
}

export default function (component) {
  const { data, parentElement, setTriggerValue, setStateValue } = component;
  WORDS = data.words || WORDS;
  NAMES = namesOf(data.tree);
  let st = parentElement.tkApp;
  if (!st || !parentElement.contains(st.app)) {
    st = createApp(parentElement);
    parentElement.tkApp = st;
  }
  st.send = setTriggerValue;
  // The text comes once per document; later updates carry only highlights.
  if (data.text !== null && data.text !== undefined) {
    if (st.textKey !== data.textKey) {
      st.textKey = data.textKey;
      st.cps = Array.from(data.text);
      st.recs = [];
      st.optimistic = [];
      st.selected = null;
      closePopup(st, true);
    }
    setStateValue("held", data.textKey);
  } else if (st.textKey !== data.textKey) {
    st.dataKey = "";
    setStateValue("held", null); // this browser lost the text (remount): ask for it again
    return;
  }
  const key = `${data.revision}|${w("whole")}|${data.sugKey || ""}|${JSON.stringify(data.focus)}|${data.opsKey}|${JSON.stringify(data.tree || []).length}`;
  st.data = data;
  const optimisticChanged = handleFeedback(st);
  if (st.dataKey === key && !optimisticChanged) {
    ensurePlayer(st, data.media || null); // a ▶ beside a segment changes nothing else
    return;
  }
  st.dataKey = key;
  const { spans, turns, sugs } = expand(data);
  st.spans = spans;
  st.turns = turns;
  st.sugs = sugs;
  if (st.selected && !spans.some((s) => s.guid === st.selected)) st.selected = null; // deleted or undone
  const t0 = performance.now();
  renderTree(st);
  const t1 = performance.now();
  render(st, { partial: false });
  const t2 = performance.now();
  scrollToMark(st);
  if (st.player) {
    st.player.times = null; // turns or their time stamps may have changed
    st.player.current = -1;
  }
  ensurePlayer(st, data.media || null);
  if (st.player) followTurn(st);
  st.app.dataset.timing = `tree ${Math.round(t1 - t0)} render ${Math.round(t2 - t1)} margin ${Math.round(st.marginMs || 0)}`;
  bind(st);
}

function bind(st) {
  if (st.bound) return;
  st.bound = true;
  bindPlayer(st);
  const { root, app } = st;

  st.treeBtn.addEventListener("click", () => {
    st.treeOpen = !st.treeOpen;
    if (app.getBoundingClientRect().width >= 860) setPref("tree", st.treeOpen); // not the overlay's
    app.classList.toggle("tk-tree-open", st.treeOpen);
    st.treeBtn.setAttribute("aria-pressed", String(st.treeOpen));
    redrawMargins(st); // the text column changed width
  });
  st.marginBox.addEventListener("change", () => {
    st.marginOn = st.marginBox.checked;
    setPref("margin", st.marginOn);
    app.classList.toggle("tk-no-margin", !st.marginOn);
    redrawMargins(st);
  });
  // below 860 px the tree is an overlay: it folds away when the workbench gets that narrow (the
  // side column opens) and comes back as it was when there is room again
  let wasNarrow = app.getBoundingClientRect().width < 860;
  new ResizeObserver(() => {
    const narrowNow = app.getBoundingClientRect().width < 860;
    if (narrowNow === wasNarrow) return;
    wasNarrow = narrowNow;
    st.treeOpen = narrowNow ? false : pref("tree", true);
    app.classList.toggle("tk-tree-open", st.treeOpen);
    st.treeBtn.setAttribute("aria-pressed", String(st.treeOpen));
  }).observe(app);
  let width = Math.round(root.getBoundingClientRect().width);
  new ResizeObserver(() => {
    const w = Math.round(root.getBoundingClientRect().width);
    if (w === width) return;
    width = w;
    redrawMargins(st);
  }).observe(root);

  // dragging an end of the picked coding: a live preview, then the popup to confirm the new extent
  root.addEventListener("mousedown", (event) => {
    const h = event.target.closest(".tk-handle");
    if (!h) return;
    event.preventDefault();
    const coding = st.spans.find((x) => x.guid === st.selected);
    if (!coding) return;
    closePopup(st, true);
    st.drag = { coding, which: h.dataset.end, start: coding.start, end: coding.end };
    app.classList.add("tk-dragging");
  });
  const caretAt = (x, y) => {
    const r = document.caretRangeFromPoint ? document.caretRangeFromPoint(x, y) : null;
    if (!r || !root.contains(r.startContainer)) return null;
    const pos = boundary(root, r.startContainer, r.startOffset, true);
    return pos === null ? null : { pos, range: r };
  };
  document.addEventListener("mousemove", (event) => {
    const d = st.drag;
    if (!d) return;
    const c = caretAt(event.clientX, event.clientY);
    if (!c) return;
    if (d.which === "start") d.start = Math.min(c.pos, d.coding.end - 1);
    else d.end = Math.max(c.pos, d.coding.start + 1);
    const fixed = st.turnsBox.querySelector(d.which === "start" ? ".tk-handle-end" : ".tk-handle-start");
    if (fixed && window.CSS && CSS.highlights && window.Highlight) {
      const r = document.createRange();
      try {
        if (d.which === "start") {
          r.setStart(c.range.startContainer, c.range.startOffset);
          r.setEndBefore(fixed);
        } else {
          r.setStartAfter(fixed);
          r.setEnd(c.range.startContainer, c.range.startOffset);
        }
        CSS.highlights.set("tk-pending", new Highlight(r));
      } catch (e) {
        /* the pointer crossed the other end: no preview for this move */
      }
    }
  });
  document.addEventListener("mouseup", (event) => {
    const d = st.drag;
    if (!d) return;
    st.drag = null;
    app.classList.remove("tk-dragging");
    if (d.start === d.coding.start && d.end === d.coding.end) return;
    const rect = { left: event.clientX, right: event.clientX, top: event.clientY, bottom: event.clientY };
    openPopup(st, { start: d.start, end: d.end }, rect);
  });

  root.addEventListener("mouseup", (event) => {
    if (st.drag || event.target.closest(".tk-whole, .tk-popup, .tk-margin, .tk-handle")) return;
    const sel = window.getSelection();
    if (sel && sel.rangeCount && !sel.isCollapsed) {
      const range = sel.getRangeAt(0);
      if (!root.contains(range.commonAncestorContainer) && !root.contains(range.startContainer)) return;
      let start = boundary(root, range.startContainer, range.startOffset, true);
      let end = boundary(root, range.endContainer, range.endOffset, false);
      if (start === null || end === null) return;
      if (start > end) [start, end] = [end, start];
      if (start === end) return;
      if (window.CSS && CSS.highlights && window.Highlight) {
        CSS.highlights.set("tk-pending", new Highlight(range.cloneRange()));
      }
      const rects = range.getClientRects();
      const rect = rects.length ? rects[rects.length - 1] : range.getBoundingClientRect();
      openPopup(st, { start, end }, rect);
      app.dataset.popupAt = String(performance.now());
      return;
    }
    if (st.popup) closePopup(st, true);
    const seg = event.target.closest(".tk-coded, .tk-sug");
    if (!seg || !root.contains(seg)) return;
    const coded = seg.classList.contains("tk-coded");
    // a click on a suggested unit picks it in the side list ("sug": "start-end")
    st.send("click", { pos: coded ? Number(seg.dataset.pos) : null, sug: seg.dataset.sug || null });
  });
  root.addEventListener("click", (event) => {
    const mark = event.target.closest(".tk-bracket, .tk-label");
    if (mark && mark.dataset.guid) {
      selectCoding(st, mark.dataset.guid);
      return;
    }
    const button = event.target.closest(".tk-whole");
    if (!button) return;
    const span = { start: Number(button.dataset.start), end: Number(button.dataset.end) };
    const text = button.closest(".tk-turn").querySelector(".tk-text");
    if (window.CSS && CSS.highlights && window.Highlight) {
      const r = document.createRange();
      r.selectNodeContents(text);
      CSS.highlights.set("tk-pending", new Highlight(r));
    }
    openPopup(st, span, button.getBoundingClientRect());
  });
  document.addEventListener("mousedown", (event) => {
    if (st.popup && !st.popup.contains(event.target) && !event.target.closest(".tk-tree")) closePopup(st, true);
  });
  window.addEventListener(
    "keydown",
    (event) => {
    const t = event.target;
    if (st.popup && st.popup.tkKey && !st.popup.contains(t)) {
      event.stopPropagation(); // not also one of Streamlit's own keys (r: rerun, c: clear cache)
      st.popup.tkKey(event);
      return;
    }
    if (t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName))) return;
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z") {
      event.preventDefault();
      st.send("history", event.shiftKey ? "redo" : "undo");
      return;
    }
    if (event.key === "Escape" && st.selected) {
      selectCoding(st, st.selected);
    }
    },
    true,
  );
}

// ---------------------------------------------------------------------------------------------
// The player (issue 21): the document's recording above the transcript. Everything runs here in the
// browser (no rerun per tick); the server hears only of a time stamp set with F8.

const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2];
const MEDIA_KEYS = { F2: "back", F4: "toggle", F9: "forward", F8: "stamp" };

function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds || 0));
  const two = (n) => String(n).padStart(2, "0");
  return `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
}

function remembered(doc) {
  try {
    const v = JSON.parse(window.sessionStorage.getItem(`tk.media.${doc}`) || "null");
    return v && typeof v.t === "number" ? v : null;
  } catch (e) {
    return null;
  }
}

function remember(p) {
  try {
    window.sessionStorage.setItem(`tk.media.${p.doc}`, JSON.stringify({ t: p.media.currentTime, rate: p.media.playbackRate }));
  } catch (e) {
    /* private mode: the position holds while the page stays */
  }
}

function createPlayer(st, media) {
  const w = media.words;
  const box = el("div", "tk-player");
  box.setAttribute("role", "group");
  box.setAttribute("aria-label", w.player);
  const m = document.createElement(media.kind === "video" ? "video" : "audio");
  m.className = "tk-media";
  m.preload = "metadata";
  const button = (cls, text, title) => {
    const b = el("button", `tk-btn ${cls}`, text);
    b.type = "button";
    b.title = title;
    return b;
  };
  const back = button("tk-back", "−5 s", w.back);
  const play = button("tk-play", "▶", w.play);
  const fwd = button("tk-forward", "+5 s", w.forward);
  const speed = el("select", "tk-speed");
  speed.title = w.speed;
  for (const s of SPEEDS) {
    const o = el("option", null, `${String(s).replace(".", ",")}×`);
    o.value = String(s);
    if (s === 1) o.selected = true;
    speed.appendChild(o);
  }
  const pos = el("span", "tk-pos", "00:00:00");
  const keys = el("span", "tk-hint tk-media-keys", w.keys);
  const controls = el("div", "tk-player-controls");
  controls.append(back, play, fwd, speed, pos, keys);
  box.append(m, controls);
  const p = { box, media: m, words: w, kind: media.kind, url: null, doc: null, play, pos, speed, times: null, current: -1, pendingSeek: null };
  back.addEventListener("click", () => mediaAction(st, "back"));
  fwd.addEventListener("click", () => mediaAction(st, "forward"));
  play.addEventListener("click", () => mediaAction(st, "toggle"));
  speed.addEventListener("change", () => {
    m.playbackRate = Number(speed.value);
    remember(p);
  });
  const sync = () => {
    p.play.textContent = m.paused ? "▶" : "❚❚";
    p.play.title = m.paused ? w.play : w.pause;
    p.pos.textContent = `${clock(m.currentTime)}${m.duration ? ` / ${clock(m.duration)}` : ""}`;
    box.dataset.time = String(m.currentTime);
    followTurn(st);
  };
  m.addEventListener("loadedmetadata", () => {
    p.times = null; // the duration is known now: turns after the last time stamp get their time
    if (p.pendingSeek !== null) {
      m.currentTime = p.pendingSeek;
      p.pendingSeek = null;
    }
    sync();
  });
  for (const type of ["play", "pause", "timeupdate", "seeked", "ratechange"]) m.addEventListener(type, sync);
  m.addEventListener("timeupdate", () => remember(p));
  return p;
}

function lastSeek() {
  try {
    return window.sessionStorage.getItem("tk.media.seek");
  } catch (e) {
    return null;
  }
}

function ensurePlayer(st, media) {
  let p = st.player;
  if (!media) {
    if (p) {
      p.media.pause();
      p.box.remove();
      st.player = null;
      st.app.classList.remove("tk-has-media");
      for (const rec of st.recs) rec.box.classList.remove("tk-playing");
    }
    return;
  }
  if (p && p.kind !== media.kind) {
    p.media.pause();
    p.box.remove();
    p = null;
  }
  if (!p) {
    p = createPlayer(st, media);
    st.player = p;
    st.main.insertBefore(p.box, st.root);
    st.app.classList.add("tk-has-media");
  }
  if (p.url !== media.url) {
    const sameDoc = p.doc === media.doc;
    const at = sameDoc ? p.media.currentTime : (remembered(media.doc) || {}).t || 0;
    const rate = sameDoc ? p.media.playbackRate : (remembered(media.doc) || {}).rate || 1;
    p.url = media.url;
    p.doc = media.doc;
    p.times = null;
    p.current = -1;
    p.media.src = media.url;
    p.media.playbackRate = rate;
    p.speed.value = String(rate);
    p.pendingSeek = at > 0 ? at : null;
  }
  if (media.seek && media.seek.key !== p.seekKey && media.seek.key !== lastSeek()) {
    p.seekKey = media.seek.key; // a ▶ beside a segment: play from where the segment is said, once
    try {
      window.sessionStorage.setItem("tk.media.seek", media.seek.key);
    } catch (e) {
      /* private mode: once per mount */
    }
    playFrom(st, timeAt(st, media.seek.offset));
  }
}

// When each shown turn is said: its time stamp, else interpolated by text position between the
// neighbours that have one (from 0 before the first, up to the recording's end after the last).
function turnTimes(st) {
  const p = st.player;
  if (p.times) return p.times;
  const turns = st.turns;
  const textEnd = st.cps ? st.cps.length : 0;
  const duration = Number.isFinite(p.media.duration) ? p.media.duration : null;
  const anchors = [];
  turns.forEach((t, i) => {
    if (typeof t.seconds === "number") anchors.push({ i, at: t.start, t: t.seconds });
  });
  const times = turns.map((t, i) => {
    if (typeof t.seconds === "number") return t.seconds;
    let before = null;
    let after = null;
    for (const a of anchors) {
      if (a.i < i) before = a;
      else if (a.i > i && !after) after = a;
    }
    const lo = before || { at: 0, t: 0 };
    const hi = after || (duration !== null ? { at: textEnd, t: duration } : null);
    if (!hi || hi.at <= lo.at) return lo.t;
    return lo.t + ((hi.t - lo.t) * (t.start - lo.at)) / (hi.at - lo.at);
  });
  p.times = times;
  return times;
}

// The time at a text offset: inside its turn, by position between the turn's time and the next one's.
function timeAt(st, offset) {
  const times = turnTimes(st);
  const turns = st.turns;
  for (let i = 0; i < turns.length; i += 1) {
    const t = turns[i];
    if (offset < t.end || i === turns.length - 1) {
      const next = i + 1 < turns.length ? times[i + 1] : st.player.media.duration || times[i];
      const share = t.end > t.start ? Math.min(1, Math.max(0, (offset - t.start) / (t.end - t.start))) : 0;
      return times[i] + Math.max(0, next - times[i]) * share;
    }
  }
  return 0;
}

function playFrom(st, seconds) {
  const p = st.player;
  if (!p) return;
  if (p.media.readyState >= 1) p.media.currentTime = Math.max(0, seconds);
  else p.pendingSeek = Math.max(0, seconds);
  const started = p.media.play();
  if (started && started.catch) started.catch(() => showToast(st, p.words.blocked, false));
}

// Mark the turn being spoken; while playing, keep it in view.
function followTurn(st) {
  const p = st.player;
  if (!p || !st.recs.length) return;
  const times = turnTimes(st);
  const now = p.media.currentTime + 0.05;
  let current = -1;
  times.forEach((t, i) => {
    if (t <= now) current = i;
  });
  if (current === p.current && (current < 0 || st.recs[current].box.classList.contains("tk-playing"))) return;
  for (const rec of st.recs) rec.box.classList.remove("tk-playing");
  p.current = current;
  st.app.dataset.playing = String(current);
  if (current < 0) return;
  const box = st.recs[current].box;
  box.classList.add("tk-playing");
  if (p.media.paused) return;
  const r = box.getBoundingClientRect();
  const view = st.root.getBoundingClientRect();
  if (r.top < view.top || r.bottom > view.bottom) st.root.scrollTop += r.top - view.top - view.height / 4;
}

function mediaAction(st, action) {
  const p = st.player;
  if (!p) return false;
  const m = p.media;
  if (action === "toggle") {
    if (m.paused) playFrom(st, m.currentTime);
    else m.pause();
  } else if (action === "back") m.currentTime = Math.max(0, m.currentTime - 5);
  else if (action === "forward") m.currentTime = Math.min(m.duration || Infinity, m.currentTime + 5);
  else if (action === "stamp") {
    const i = st.timingTurn !== null && st.timingTurn !== undefined ? st.timingTurn : p.current;
    const turn = st.turns[i];
    if (!turn) {
      showToast(st, p.words.noTurn, false);
      return true;
    }
    st.send("media", { doc: p.doc, seq: turn.seq, seconds: Math.round(m.currentTime * 10) / 10 });
    showToast(st, p.words.stamped.replace("{turn}", String(turn.seq + 1)).replace("{time}", clock(m.currentTime)), true);
  }
  return true;
}

function bindPlayer(st) {
  st.root.addEventListener("click", (event) => {
    const stamp = event.target.closest(".tk-time");
    if (!stamp || !st.player) return;
    const box = stamp.closest(".tk-turn");
    const i = st.recs.findIndex((rec) => rec.box === box);
    if (i < 0) return;
    st.timingTurn = i;
    playFrom(st, turnTimes(st)[i]);
  });
  // the turn a click in the text falls in is the one F8 gives the player's time
  st.root.addEventListener("mouseup", (event) => {
    const box = event.target.closest(".tk-turn");
    if (!box) return;
    const i = st.recs.findIndex((rec) => rec.box === box);
    if (i >= 0) st.timingTurn = i;
  });
  window.addEventListener(
    "keydown",
    (event) => {
      const action = MEDIA_KEYS[event.key];
      if (!action || !st.player || event.ctrlKey || event.altKey || event.metaKey) return;
      if (!st.app.isConnected) return;
      event.preventDefault();
      event.stopPropagation();
      mediaAction(st, action);
    },
    true,
  );
}
