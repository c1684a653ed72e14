/* The read-only SQL page. */
(function () {
  'use strict';
  var C = window.Ceteris;
  var form = document.getElementById('sql-form');
  var input = document.getElementById('sql');
  var out = document.getElementById('result');

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
})();
