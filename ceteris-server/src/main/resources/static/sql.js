/* The read-only SQL page. */
window.Ceteris.onPage('sql', function (C, main) {
  'use strict';
  var el = C.el;
  document.title = 'SQL — Ceteris';
  var input = el('textarea', {id: 'sql', rows: '6', spellcheck: 'false'});
  input.value = 'SELECT study, method, run_at, headline_label, estimate, ci_low, ci_high, verdict\nFROM ceteris_runs ORDER BY run_id DESC LIMIT 20';
  var form = el('form', {id: 'sql-form', class: 'panel'}, el('label', {for: 'sql', text: 'Query'}), input,
    el('button', {type: 'submit', class: 'run', text: 'Run query'}));
  var out = el('div', {id: 'result', class: 'panel scroll'});
  var lead = el('p', {class: 'lead'}, 'Read-only SQL over this workspace\'s tables (DuckDB dialect). Queries cannot change anything; '
    + 'long results are cut at the row limit. The run history is in the table ', el('code', {text: 'ceteris_runs'}), '.');
  main.innerHTML = '';
  [el('h1', {text: 'Ask the data'}), lead, form, out].forEach(function (n) { main.appendChild(n); });

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    out.innerHTML = '';
    out.appendChild(C.el('p', {class: 'muted', text: 'Running…'}));
    C.api('api/query', {method: 'POST', body: {sql: input.value}}).then(function (doc) {
      out.innerHTML = '';
      out.appendChild(C.el('p', {class: 'muted', text: doc.row_count + ' row' + (doc.row_count === 1 ? '' : 's') +
        (doc.truncated ? ' (only the first ' + doc.row_limit + ' are shown)' : '') + ' · ' + doc.elapsed_ms + ' ms'}));
      out.appendChild(C.table(doc.columns.map(function (c) { return c.name; }), doc.rows));
    }).catch(function (e) { out.innerHTML = ''; C.showError(out, e.message); });
  });
});
