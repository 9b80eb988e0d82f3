// The Avro viewer's webview (src/views/avro/avroEditor.ts is the host side). Text goes into the
// page only through textContent: a record's values are never parsed as HTML.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const app = /** @type {HTMLElement} */ (document.getElementById('app'));
  /** @type {any} */ let init;
  /** @type {Record<string,string>} */ let t = {};
  let page = 0;
  let known = 0;
  let total = /** @type {number|undefined} */ (undefined);
  let req = 0;
  /** @type {{column:string,text:string,cursor:any,count:number}|undefined} */ let search;
  /** @type {Map<number, unknown>} */ const shown = new Map();

  /** @param {string} tag @param {Record<string,any>} [props] @param {(Node|string)[]} [children] */
  function el(tag, props = {}, children = []) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const c of children) e.append(c);
    return e;
  }
  const fmt = (/** @type {string} */ s, /** @type {any[]} */ ...args) => s.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));
  const num = (/** @type {number} */ n) => n.toLocaleString(document.documentElement.lang || 'en');
  const cell = (/** @type {unknown} */ v) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

  /** @type {Record<string, HTMLElement>} */ const parts = {};

  function layout() {
    app.replaceChildren();
    app.setAttribute('aria-busy', 'false');
    if (init.openError) {
      const facts = init.size ? [el('div', { class: 'facts' }, [el('span', { class: 'fact' }, [el('span', { class: 'label', text: t.size }), el('span', { class: 'value', text: init.size })])])] : [];
      app.append(el('header', {}, [el('h1', { text: init.fileName, title: init.location }), ...facts]));
      app.append(el('div', { class: 'problem', role: 'alert' }, [el('strong', { text: t.cannotOpen }), el('div', { id: 'problem-text', text: init.openError })]));
      return;
    }
    parts.records = el('span', { class: 'value', id: 'record-count', text: t.counting });
    app.append(
      el('header', {}, [
        el('h1', { text: init.fileName, title: init.location }),
        el('div', { class: 'facts' }, [
          el('span', { class: 'fact' }, [el('span', { class: 'label', text: t.codec }), el('span', { class: 'value', id: 'codec', text: init.codec })]),
          el('span', { class: 'fact' }, [el('span', { class: 'label', text: t.size }), el('span', { class: 'value', text: init.size })]),
          el('span', { class: 'fact' }, [el('span', { class: 'label', text: t.records }), parts.records]),
        ]),
      ]),
    );
    parts.problem = el('div', { class: 'problem', role: 'alert', hidden: '' });
    app.append(parts.problem);
    app.append(el('details', { class: 'schema' }, [el('summary', { text: t.schema }), el('pre', { text: init.schema })]));
    const column = /** @type {HTMLSelectElement} */ (el('select', { id: 'filter-column', 'aria-label': t.filter }, [el('option', { value: '', text: t.anyColumn }), ...init.columns.map((/** @type {string} */ c) => el('option', { value: c, text: c }))]));
    const text = /** @type {HTMLInputElement} */ (el('input', { id: 'filter-text', type: 'search', placeholder: t.filterPlaceholder, 'aria-label': t.filterPlaceholder }));
    const go = () => (text.value.trim() ? startSearch(column.value, text.value) : clearSearch());
    text.addEventListener('keydown', (e) => e.key === 'Enter' && go());
    app.append(el('div', { class: 'toolbar' }, [
      el('label', { for: 'filter-text', text: t.filter }), column, text,
      el('button', { id: 'filter-go', onclick: go, text: t.filter }),
      el('button', { id: 'filter-clear', class: 'secondary', onclick: () => { text.value = ''; clearSearch(); }, text: t.clear }),
    ]));
    parts.status = el('div', { class: 'status', id: 'status', 'aria-live': 'polite' });
    parts.prev = el('button', { id: 'prev', class: 'secondary', onclick: () => askPage(page - 1), text: t.previous });
    parts.next = el('button', { id: 'next', class: 'secondary', onclick: () => askPage(page + 1), text: t.next });
    parts.more = el('button', { id: 'more', class: 'secondary', hidden: '', onclick: () => moreMatches(), text: t.moreMatches });
    app.append(el('div', { class: 'pager' }, [parts.prev, parts.next, parts.more, parts.status]));
    parts.tbody = el('tbody');
    const head = el('tr', {}, [el('th', { text: '#' }), ...init.columns.map((/** @type {string} */ c) => el('th', { text: c }))]);
    parts.json = el('pre', { id: 'record-json', class: 'json', text: t.pickRecord });
    parts.jsonTitle = el('h2', { text: t.record.replace('{0}', '') });
    app.append(el('div', { class: 'split' }, [
      el('div', { class: 'table-wrap' }, [el('table', { 'aria-label': t.table }, [el('thead', {}, [head]), parts.tbody])]),
      el('aside', { class: 'record' }, [parts.jsonTitle, parts.json]),
    ]));
  }

  /** @param {{index:number,value:any}[]} rows @param {boolean} append */
  function showRows(rows, append) {
    if (!append) {
      parts.tbody.replaceChildren();
      shown.clear();
    }
    for (const row of rows) {
      shown.set(row.index, row.value);
      const values = init.columns.length === 1 && init.columns[0] === 'value' ? [row.value] : init.columns.map((/** @type {string} */ c) => row.value?.[c]);
      const tr = el('tr', { tabindex: '0', 'data-index': String(row.index) }, [el('td', { class: 'index', text: num(row.index + 1) }), ...values.map((v) => el('td', { text: cell(v), title: cell(v).slice(0, 500) }))]);
      const pick = () => showRecord(row.index, tr);
      tr.addEventListener('click', pick);
      tr.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), pick()));
      parts.tbody.append(tr);
    }
  }

  /** @param {number} index @param {HTMLElement} tr */
  function showRecord(index, tr) {
    for (const r of parts.tbody.querySelectorAll('tr.selected')) r.classList.remove('selected');
    tr.classList.add('selected');
    parts.jsonTitle.textContent = fmt(t.record, num(index + 1));
    parts.json.textContent = JSON.stringify(shown.get(index), null, 2);
  }

  function status(/** @type {string} */ text) {
    parts.status.textContent = text;
  }

  function pagerState() {
    const inSearch = !!search;
    parts.prev.toggleAttribute('hidden', inSearch);
    parts.next.toggleAttribute('hidden', inSearch);
    parts.more.toggleAttribute('hidden', !inSearch || !search?.cursor);
    /** @type {HTMLButtonElement} */ (parts.prev).disabled = page === 0;
    const end = (page + 1) * init.pageSize;
    /** @type {HTMLButtonElement} */ (parts.next).disabled = total !== undefined ? end >= total : known < end;
  }

  function askPage(/** @type {number} */ p) {
    if (p < 0) return;
    status(t.loading);
    vscode.postMessage({ type: 'page', req: ++req, page: p });
  }

  /** The JSON panel follows the table: a record no longer listed is not left on show. */
  function clearRecord() {
    parts.jsonTitle.textContent = t.record.replace('{0}', '');
    parts.json.textContent = t.pickRecord;
  }

  function startSearch(/** @type {string} */ column, /** @type {string} */ text) {
    search = { column, text, cursor: undefined, count: 0 };
    clearRecord();
    parts.tbody.replaceChildren();
    shown.clear();
    status(t.searching);
    pagerState();
    vscode.postMessage({ type: 'search', req: ++req, column, text });
  }

  function moreMatches() {
    if (!search?.cursor) return;
    status(t.searching);
    vscode.postMessage({ type: 'search', req: ++req, column: search.column, text: search.text, cursor: search.cursor });
  }

  function clearSearch() {
    search = undefined;
    clearRecord();
    askPage(page);
  }

  function setProblem(/** @type {string|undefined} */ text) {
    if (!text || !parts.problem) return;
    parts.problem.replaceChildren(el('strong', { text: t.problem }), el('div', { id: 'problem-text', text }));
    parts.problem.removeAttribute('hidden');
  }

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (msg.type === 'init') {
      init = msg;
      t = msg.strings;
      layout();
      if (!init.openError) status(t.loading);
      return;
    }
    if (!init || init.openError) return;
    if (msg.type === 'count') {
      parts.records.textContent = msg.text;
      if (!msg.counting) total = msg.records;
      setProblem(msg.problem);
      if (!search) pagerState();
      if (!search && total !== undefined && shown.size) status(fmt(t.rangeOf, num(page * init.pageSize + 1), num(page * init.pageSize + shown.size), num(total)));
      return;
    }
    if (msg.type === 'page') {
      if (msg.req !== req || search) return; // a newer request is on its way
      if (msg.page !== page) clearRecord();
      page = msg.page;
      known = msg.known;
      showRows(msg.rows, false);
      setProblem(msg.problem);
      const first = page * init.pageSize + 1;
      status(msg.rows.length === 0 ? t.noRecords : total !== undefined ? fmt(t.rangeOf, num(first), num(first + msg.rows.length - 1), num(total)) : fmt(t.rangeOfUnknown, num(first), num(first + msg.rows.length - 1)));
      pagerState();
      return;
    }
    if (msg.type === 'found') {
      if (msg.req !== req || !search) return;
      search.cursor = msg.next;
      search.count += msg.rows.length;
      showRows(msg.rows, true);
      setProblem(msg.problem);
      status(search.count === 0 ? fmt(t.noMatches, msg.searchedText) : fmt(search.count === 1 ? t.matchesOne : t.matches, num(search.count), msg.searchedText));
      pagerState();
      return;
    }
    if (msg.type === 'error') {
      status(msg.text);
    }
  });

  vscode.postMessage({ type: 'ready' });
})();
