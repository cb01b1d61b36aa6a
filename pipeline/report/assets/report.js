// The report page: reads the embedded JSON once, then renders on demand (one page of facts, one
// document, one subject's charts at a time). Every text from the data goes through esc().
(() => {
  'use strict';
  const DATA = JSON.parse(document.getElementById('report-data').textContent);
  const DOCS = DATA.docs;
  const FACTS = DATA.facts.rows;
  const C = Object.fromEntries(DATA.facts.cols.map((c, i) => [c, i]));
  const PAGE = 100;
  const DOC_PAGE = 50;
  const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  const esc = (s) => (s == null ? '' : String(s).replace(/[&<>"']/g, (c) => ESC[c]));
  const $ = (id) => document.getElementById(id);
  const nf = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
  const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });
  const num = (v) => (v == null ? '' : nf.format(v));
  const short = (s, n) => (s.length > n ? s.slice(0, n - 1) + '\u2026' : s);
  const docTitle = (d) => (d == null ? '' : DOCS[d].title || DOCS[d].id);
  const sentenceId = (d, start) => `d${d}-s${start}`;
  const sentence = (r) => (r[C.doc] == null ? '' : DOCS[r[C.doc]].text.slice(r[C.sentence_start], r[C.sentence_end]).trim());

  // ---- pager shared by the tables and the document list -------------------------------------
  function pager(el, page, total, size, go) {
    const pages = Math.max(1, Math.ceil(total / size));
    el.innerHTML = pages < 2 ? '' :
      `<button data-p="${page - 1}" ${page ? '' : 'disabled'}>\u2039 Prev</button>` +
      `<span>page ${page + 1} of ${pages}</span>` +
      `<button data-p="${page + 1}" ${page + 1 < pages ? '' : 'disabled'}>Next \u203A</button>`;
    el.onclick = (e) => { const p = e.target.dataset && e.target.dataset.p; if (p != null) go(+p); };
  }

  // ---- facts table ----------------------------------------------------------------------------
  const COLS = [
    { key: 'doc', label: 'Document', sort: (r) => docTitle(r[C.doc]).toLowerCase() },
    { key: 'subject', label: 'Subject' },
    { key: 'property_key', label: 'Property' },
    { key: 'predicate', label: 'Predicate' },
    { key: 'value', label: 'Value' },
    { key: 'unit', label: 'Unit' },
    { key: 'time_value', label: 'Time', sort: (r) => r[C.start_date] || r[C.time_value] },
    { key: 'modality', label: 'Modality' },
    { key: 'attribution', label: 'Attribution' },
    { key: 'part', label: 'Part', sort: (r) => r[C.part] + r[C.part_index] },
    { key: 'sentence', label: 'Sentence', sort: null },
  ];
  const ready = {};
  const state = { subject: '', key: '', modality: '', from: '', to: '', sort: null, dir: 1, page: 0, rows: [] };

  function valueCell(r) {
    if (r[C.value] == null) return '';
    let s = num(r[C.value]);
    if (r[C.value_max] != null) s += ' \u2013 ' + num(r[C.value_max]);
    if (r[C.bound] && r[C.bound] !== '=') s = r[C.bound] + ' ' + s;
    if (r[C.per]) s += ' / ' + r[C.per];
    if (r[C.change]) s += r[C.change] === 'up' ? ' \u2191' : ' \u2193';
    return esc(s);
  }

  function timeCell(r) {
    if (!r[C.time_value]) return '';
    const span = r[C.start_date] ? `${r[C.start_date]} \u2013 ${r[C.end_date]}` : '';
    const extra = [r[C.time_mod], r[C.time_role]].filter(Boolean).join(', ');
    return `<span title="${esc(span)}">${esc(r[C.time_value])}</span>` + (extra ? ` <small>${esc(extra)}</small>` : '');
  }

  function factRow(i, withDoc) {
    const r = FACTS[i];
    const d = r[C.doc];
    const sent = sentence(r);
    const link = d == null ? esc(short(sent, 110)) :
      `<a class="sent-link" href="#${sentenceId(d, r[C.sentence_start])}" title="${esc(sent)}">${esc(short(sent, 110))}</a>`;
    const modality = r[C.negated] && r[C.modality] !== 'negated' ? `${r[C.modality]}, negated` : r[C.modality];
    const cells = [
      withDoc ? `<td>${d == null ? '' : `<a href="#d${d}">${esc(short(docTitle(d), 40))}</a>`}</td>` : '',
      `<td>${r[C.subject] == null ? '' : `<button type="button" class="linkish" data-subject="${esc(r[C.subject])}" title="show only this subject">${esc(r[C.subject])}</button>`}</td>`,
      `<td>${esc(r[C.property_key])}</td>`,
      `<td>${esc(r[C.predicate])}</td>`,
      `<td class="num">${valueCell(r)}</td>`,
      `<td>${esc(r[C.unit])}</td>`,
      `<td>${timeCell(r)}</td>`,
      `<td><span class="modality ${esc(r[C.modality])}">${esc(modality)}</span></td>`,
      `<td>${esc(r[C.attribution])}</td>`,
      `<td>${esc(r[C.part])}${r[C.part] === 'comment' ? ' ' + r[C.part_index] : ''}</td>`,
      `<td class="sentence">${link}</td>`,
    ];
    return `<tr data-fact="${i}">${cells.join('')}</tr>`;
  }

  function factHead(withDoc, sortable) {
    return '<tr>' + COLS.filter((c) => withDoc || c.key !== 'doc').map((c) => {
      const can = sortable && c.sort !== null;
      const cls = [can ? 'sortable' : '', state.sort === c.key ? (state.dir > 0 ? 'sorted-asc' : 'sorted-desc') : ''];
      return `<th class="${cls.join(' ').trim()}" ${can ? `data-sort="${c.key}"` : ''}>${c.label}</th>`;
    }).join('') + '</tr>';
  }

  function sortKey(col) {
    const c = COLS.find((x) => x.key === col);
    if (c && c.sort) return c.sort;
    return (r) => r[C[col]];
  }

  function compare(a, b) {
    if (a == null || a === '') return b == null || b === '' ? 0 : 1;
    if (b == null || b === '') return -1;
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return String(a).localeCompare(String(b));
  }

  function matches(r) {
    const has = (v, q) => !q || (v != null && v.toLowerCase().includes(q));
    if (!has(r[C.subject], state.subject) || !has(r[C.property_key], state.key)) return false;
    if (state.modality && r[C.modality] !== state.modality) return false;
    if (state.from || state.to) {
      if (!r[C.start_date]) return false;
      if (state.from && r[C.end_date] < state.from) return false;
      if (state.to && r[C.start_date] > state.to) return false;
    }
    return true;
  }

  function refreshFacts() {
    let rows = FACTS.map((_, i) => i).filter((i) => matches(FACTS[i]));
    if (state.sort) {
      const key = sortKey(state.sort);
      rows = rows.map((i) => [key(FACTS[i]), i]).sort((a, b) => {
        const c = compare(a[0], b[0]);
        return (a[0] == null || a[0] === '' || b[0] == null || b[0] === '' ? c : c * state.dir) || a[1] - b[1];
      }).map((x) => x[1]);
    }
    state.rows = rows;
    state.page = Math.min(state.page, Math.max(0, Math.ceil(rows.length / PAGE) - 1));
    drawFacts();
  }

  function drawFacts() {
    const rows = state.rows;
    const first = state.page * PAGE;
    const table = $('facts-table');
    table.tHead.innerHTML = factHead(true, true);
    table.tBodies[0].innerHTML = rows.slice(first, first + PAGE).map((i) => factRow(i, true)).join('');
    const byModality = {};
    rows.forEach((i) => { const m = FACTS[i][C.modality]; byModality[m] = (byModality[m] || 0) + 1; });
    const split = Object.entries(byModality).sort((a, b) => b[1] - a[1]).map(([m, n]) => `${esc(m)} ${nf.format(n)}`).join(' \u00b7 ');
    const shown = rows.length ? `${nf.format(first + 1)}\u2013${nf.format(Math.min(first + PAGE, rows.length))} of ` : '';
    $('fact-count').innerHTML = `<span id="fact-matches">${rows.length}</span> facts match (of ${nf.format(FACTS.length)}); ` +
      `showing ${shown}<b>${nf.format(rows.length)}</b>${split ? ' \u2014 ' + split : ''}`;
    pager($('facts-pager'), state.page, rows.length, PAGE, (p) => { state.page = p; drawFacts(); });
  }

  function readFilters() {
    state.subject = $('f-subject').value.trim().toLowerCase();
    state.key = $('f-key').value.trim().toLowerCase();
    state.modality = $('f-modality').value;
    state.from = $('f-from').value;
    state.to = $('f-to').value;
    state.page = 0;
    refreshFacts();
  }

  function setupFacts() {
    const uniq = (col) => [...new Set(FACTS.map((r) => r[C[col]]).filter((v) => v != null))].sort();
    $('subjects').innerHTML = uniq('subject').map((s) => `<option value="${esc(s)}">`).join('');
    $('property-keys').innerHTML = uniq('property_key').map((s) => `<option value="${esc(s)}">`).join('');
    $('f-modality').innerHTML += uniq('modality').map((s) => `<option value="${esc(s)}">${esc(s)}</option>`).join('');
    const form = $('fact-filters');
    form.addEventListener('input', readFilters);
    form.addEventListener('change', readFilters);
    form.addEventListener('submit', (e) => e.preventDefault());
    form.addEventListener('reset', () => setTimeout(readFilters, 0));
    $('facts-table').tHead.addEventListener('click', (e) => {
      const key = e.target.dataset && e.target.dataset.sort;
      if (!key) return;
      state.dir = state.sort === key ? -state.dir : 1;
      state.sort = key;
      refreshFacts();
    });
    readFilters();
  }

  // A subject button anywhere (facts table, a document's facts) narrows the facts table to it.
  document.addEventListener('click', (e) => {
    const subject = e.target.dataset && e.target.dataset.subject;
    if (subject == null) return;
    $('f-subject').value = subject;
    if (ready.facts) readFilters();
    location.hash = '#facts';
  });

  // ---- documents ------------------------------------------------------------------------------
  const docState = { query: '', page: 0, rows: DOCS.map((_, i) => i), current: null };

  function drawDocList() {
    const first = docState.page * DOC_PAGE;
    $('doc-list').start = first + 1;
    $('doc-list').innerHTML = docState.rows.slice(first, first + DOC_PAGE).map((i) => {
      const d = DOCS[i];
      const cls = i === docState.current ? ' class="current"' : '';
      return `<li${cls}><a href="#d${i}">${esc(d.title || d.id)}</a><small>${esc(d.id)} \u00b7 ${esc(d.published || 'no date')} \u00b7 ${d.facts.length} facts</small></li>`;
    }).join('');
    $('doc-count').textContent = `${nf.format(docState.rows.length)} of ${nf.format(DOCS.length)} documents`;
    pager($('docs-pager'), docState.page, docState.rows.length, DOC_PAGE, (p) => { docState.page = p; drawDocList(); });
  }

  function setupDocs() {
    $('doc-search').addEventListener('input', (e) => {
      const q = e.target.value.trim().toLowerCase();
      docState.rows = DOCS.map((_, i) => i).filter((i) => !q || (DOCS[i].title || '').toLowerCase().includes(q) || DOCS[i].id.toLowerCase().includes(q));
      docState.page = 0;
      drawDocList();
    });
    drawDocList();
  }

  // Nested spans over text[a, b): intervals sorted outer-first; one crossing another is split,
  // each piece keeping its data-m, the first piece its id.
  function renderRange(text, a, b, intervals) {
    const ivs = intervals.filter((iv) => iv.s < b && iv.e > a);
    const cuts = new Set([a, b]);
    ivs.forEach((iv) => { cuts.add(Math.max(a, iv.s)); cuts.add(Math.min(b, iv.e)); });
    const points = [...cuts].sort((x, y) => x - y);
    let out = '';
    let stack = [];
    for (let k = 0; k + 1 < points.length; k++) {
      const x = points[k];
      const y = points[k + 1];
      const active = ivs.filter((iv) => iv.s <= x && iv.e >= y);
      let p = 0;
      while (p < stack.length && p < active.length && stack[p] === active[p]) p++;
      out += '</span>'.repeat(stack.length - p);
      for (let j = p; j < active.length; j++) {
        const iv = active[j];
        out += iv.open(!iv.opened);
        iv.opened = true;
      }
      stack = active;
      out += esc(text.slice(x, y));
    }
    return out + '</span>'.repeat(stack.length);
  }

  function intervals(d, i) {
    const anchored = new Set();
    const list = d.sents.map(([s, e]) => ({
      s, e, level: 0,
      open: (first) => {
        const id = first && !anchored.has(s) ? ` id="${sentenceId(i, s)}"` : '';
        anchored.add(s);
        return `<span class="sent" data-m="sent${s}-${e}"${id}>`;
      },
    }));
    d.marks.forEach(([s, e, kind, tip], n) => list.push({
      s, e, level: 1,
      open: () => `<span class="m m-${kind}" data-m="${kind}${n}" title="${esc(tip)}">`,
    }));
    return list.sort((x, y) => x.s - y.s || y.e - x.e || x.level - y.level);
  }

  function renderText(d, i) {
    const ivs = intervals(d, i);
    const labels = DATA.meta.part_labels;
    const parts = d.parts.slice().sort((x, y) => x[2] - y[2]);
    const blocks = [];
    let cursor = 0;
    const block = (kind, label, s0, e0) => {
      let [s, e] = [s0, e0]; // blank lines at a block's edges are the blocks' spacing already
      while (s < e && (d.text[s] === '\n' || d.text[s] === '\r')) s++;
      while (e > s && /\s/.test(d.text[e - 1])) e--;
      blocks.push(
        `<div class="part part-${esc(kind)}" data-part="${esc(kind)}">` +
        (label ? `<div class="part-label">${esc(label)}</div>` : '') +
        `<div class="part-text">${renderRange(d.text, s, e, ivs)}</div></div>`,
      );
    };
    for (const [kind, index, s0, e] of parts) {
      const s = Math.max(s0, cursor);
      if (s > cursor && d.text.slice(cursor, s).trim()) block('gap', '', cursor, s);
      if (e <= s) continue;
      const label = (labels[kind] || kind) + (kind === 'comment' ? ` ${index}` : '');
      block(kind, kind === 'body' ? '' : label, s, e);
      cursor = e;
    }
    if (cursor < d.text.length && d.text.slice(cursor).trim()) block('gap', '', cursor, d.text.length);
    return blocks.join('');
  }

  function renderDoc(i) {
    const d = DOCS[i];
    const kinds = DATA.meta.kinds;
    const counts = {};
    d.marks.forEach((m) => { counts[m[2]] = (counts[m[2]] || 0) + 1; });
    const legend = Object.entries(kinds).map(([k, name]) =>
      `<label><input type="checkbox" checked data-kind="${k}"><span class="swatch ${k}"></span>${esc(name)} <b data-count="${k}">${counts[k] || 0}</b></label>`).join('') +
      `<label><input type="checkbox" checked data-kind="sent"><span class="swatch sent"></span>fact sentences <b data-count="sent">${d.sents.length}</b></label>`;
    const url = /^https?:\/\//i.test(d.url || '') ? `<a href="${esc(d.url)}" rel="noreferrer">${esc(d.url)}</a>` : esc(d.url);
    const meta = [esc(d.id), esc(d.published || 'no publication date'), esc(d.source), url].filter(Boolean);
    const factsTable = d.facts.length ?
      `<table class="grid doc-facts"><thead>${factHead(false, false)}</thead><tbody>${d.facts.map((f) => factRow(f, false)).join('')}</tbody></table>` :
      '<p class="hint">No facts in this document.</p>';
    const view = $('doc-view');
    view.dataset.doc = String(i);
    view.className = '';
    view.innerHTML =
      `<div class="doc-head"><h2>${esc(d.title || d.id)}</h2><p>${meta.join(' \u00b7 ')}</p></div>` +
      `<div class="legend">${legend}</div>` +
      `<div class="doc-text">${renderText(d, i)}</div>` +
      `<h3>Facts (${d.facts.length})</h3>${factsTable}`;
    view.querySelector('.legend').addEventListener('change', (e) => {
      view.classList.toggle('hide-' + e.target.dataset.kind, !e.target.checked);
    });
    docState.current = i;
    const pos = docState.rows.indexOf(i);
    if (pos >= 0) docState.page = Math.floor(pos / DOC_PAGE);
    drawDocList();
  }

  function openDoc(i, sentence) {
    if (!(i >= 0 && i < DOCS.length)) return;
    if (docState.current !== i || !$('doc-view').dataset.doc) renderDoc(i);
    const target = sentence && document.getElementById(sentence);
    if (target) {
      target.scrollIntoView({ block: 'center' });
      document.querySelectorAll('.sent.flash').forEach((el) => el.classList.remove('flash'));
      target.classList.add('flash');
    } else {
      window.scrollTo(0, 0);
    }
  }

  // ---- chart ----------------------------------------------------------------------------------
  const W = 520;
  const H = 220;
  const PAD = { l: 58, r: 14, t: 10, b: 34 };
  const day = (iso) => Date.UTC(+iso.slice(0, 4), +(iso.slice(5, 7) || 1) - 1, +(iso.slice(8, 10) || 1));

  function chartSvg(series) {
    const pts = series.points;
    const xs = pts.map((p) => day(p[0]));
    const ys = pts.flatMap((p) => (p[2] == null ? [p[1]] : [p[1], p[2]]));
    let [x0, x1] = [Math.min(...xs), Math.max(...xs)];
    if (x0 === x1) { x0 -= 180 * 864e5; x1 += 180 * 864e5; }
    let [y0, y1] = [Math.min(0, ...ys), Math.max(0, ...ys)];
    if (y0 === y1) y1 = y0 + 1;
    const X = (t) => PAD.l + ((t - x0) / (x1 - x0)) * (W - PAD.l - PAD.r);
    const Y = (v) => H - PAD.b - ((v - y0) / (y1 - y0)) * (H - PAD.t - PAD.b);
    let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img">`;
    for (let k = 0; k <= 4; k++) {
      const v = y0 + ((y1 - y0) * k) / 4;
      svg += `<line class="grid" x1="${PAD.l}" x2="${W - PAD.r}" y1="${Y(v)}" y2="${Y(v)}"/>` +
        `<text x="${PAD.l - 6}" y="${Y(v) + 3}" text-anchor="end">${esc(compact.format(v))}</text>`;
    }
    for (let k = 0; k <= 3; k++) {
      const t = x0 + ((x1 - x0) * k) / 3;
      const anchor = ['start', 'middle', 'middle', 'end'][k];
      svg += `<text x="${X(t)}" y="${H - PAD.b + 14}" text-anchor="${anchor}">${new Date(t).toISOString().slice(0, 10)}</text>`;
    }
    svg += `<line class="axis" x1="${PAD.l}" x2="${W - PAD.r}" y1="${H - PAD.b}" y2="${H - PAD.b}"/>` +
      `<line class="axis" x1="${PAD.l}" x2="${PAD.l}" y1="${PAD.t}" y2="${H - PAD.b}"/>`;
    if (pts.length > 1) svg += `<polyline class="series" points="${pts.map((p) => `${X(day(p[0]))},${Y(p[1])}`).join(' ')}"/>`;
    pts.forEach(([date, v, vmax, f, dated]) => {
      const r = FACTS[f];
      const x = X(day(date));
      const tip = `${date}${dated === 'published' ? ' (publication date)' : ''}: ${num(v)}${vmax == null ? '' : ' \u2013 ' + num(vmax)} ${series.unit} \u2014 ${docTitle(r[C.doc])}: ${sentence(r)}`;
      const href = r[C.doc] == null ? '#chart' : '#' + sentenceId(r[C.doc], r[C.sentence_start]);
      svg += `<a href="${href}" data-fact="${f}"><title>${esc(tip)}</title>` +
        (vmax == null ? '' : `<line class="range" x1="${x}" x2="${x}" y1="${Y(v)}" y2="${Y(vmax)}"/>`) +
        `<circle class="pt ${dated}" cx="${x}" cy="${Y(v)}" r="4"/></a>`;
    });
    return svg + '</svg>';
  }

  function drawCharts() {
    const subject = $('chart-subject').value;
    const list = DATA.chart[subject] || [];
    $('charts').innerHTML = list.map((s) =>
      `<div class="chart-card"><h3>${esc(s.key)} <small>(${esc(s.unit || 'no unit')}, ${s.points.length} point${s.points.length > 1 ? 's' : ''})</small></h3>${chartSvg(s)}</div>`,
    ).join('') || '<p class="hint">No numeric facts with a date.</p>';
  }

  function setupChart() {
    const size = (s) => DATA.chart[s].reduce((n, x) => n + x.points.length, 0);
    const subjects = Object.keys(DATA.chart).sort((a, b) => size(b) - size(a) || a.localeCompare(b));
    $('chart-subject').innerHTML = subjects.map((s) => `<option value="${esc(s)}">${esc(s)} (${size(s)})</option>`).join('');
    $('chart-subject').addEventListener('change', drawCharts);
    drawCharts();
  }

  // ---- errors ---------------------------------------------------------------------------------
  function drawErrors(page) {
    const rows = DATA.errors.rows;
    const table = $('errors-table');
    table.tHead.innerHTML = '<tr>' + DATA.errors.cols.map((c) => `<th>${esc(c)}</th>`).join('') + '</tr>';
    table.tBodies[0].innerHTML = rows.slice(page * PAGE, page * PAGE + PAGE)
      .map((r) => '<tr>' + r.map((v) => `<td>${esc(v)}</td>`).join('') + '</tr>').join('');
    $('error-count').textContent = rows.length ? `${nf.format(rows.length)} errors` : 'No errors in this run.';
    pager($('errors-pager'), page, rows.length, PAGE, drawErrors);
  }

  // ---- tabs and routes: #facts #docs #chart #errors #d<doc> #d<doc>-s<sentence start> ----------
  const SETUP = { facts: setupFacts, docs: setupDocs, chart: setupChart, errors: () => drawErrors(0) };

  function show(tab) {
    if (!ready[tab]) { ready[tab] = true; SETUP[tab](); }
    document.querySelectorAll('main > section').forEach((s) => { s.hidden = s.id !== 'tab-' + tab; });
    document.querySelectorAll('#tabs a').forEach((a) => a.classList.toggle('active', a.dataset.tab === tab));
  }

  function route() {
    const hash = decodeURIComponent(location.hash.slice(1));
    const m = /^d(\d+)(?:-s\d+)?$/.exec(hash);
    if (m) {
      show('docs');
      openDoc(+m[1], hash.includes('-s') ? hash : null);
    } else {
      show(SETUP[hash] ? hash : 'facts');
      if (hash === 'docs' && docState.current == null && DOCS.length) openDoc(docState.rows[0]);
    }
    document.body.dataset.route = hash; // what the page shows now (tests wait for it)
  }

  const counts = DATA.meta.counts;
  const run = DATA.meta.run_id ? ` \u00b7 run ${DATA.meta.run_id}${DATA.meta.created ? ' (' + DATA.meta.created + ')' : ''}` : '';
  $('summary').textContent = ['documents', 'facts', 'entities', 'dates', 'quantities', 'errors']
    .map((t) => `${nf.format(counts[t] || 0)} ${t}`).join(' \u00b7 ') + run;
  document.querySelector('#tabs a[data-tab="errors"]').textContent = `Errors (${nf.format(counts.errors || 0)})`;
  window.addEventListener('hashchange', route);
  route();
  document.body.dataset.ready = '1';
  window.reportReadyMs = performance.now();
})();
