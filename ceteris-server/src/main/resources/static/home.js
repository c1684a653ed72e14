/* The home page: one card per study. */
window.Ceteris.onPage('home', function (C, main) {
  'use strict';
  var el = C.el;
  document.title = 'Studies — Ceteris';
  main.innerHTML = '';
  main.appendChild(el('h1', {text: 'Studies'}));
  main.appendChild(el('p', {class: 'lead', text: 'Each card is one question this workspace tracks. The badge says whether the latest run '
    + 'found a clear change, and whether that change is good; the small chart shows how the estimate moved over time.'}));
  var app = el('div', {id: 'cards'}, el('p', {class: 'muted', text: 'Loading…'}));
  main.appendChild(app);

  /* A study without a headline number (a DAG, an interaction scan): the first sentence of its summary. */
  function gist(summary) {
    if (!summary) return 'See the study page.';
    var m = /^(.{20,240}?[.])(\s|$)/.exec(summary);
    var first = m ? m[1] : summary;
    return first.length > 240 ? first.substring(0, 237) + '…' : first;
  }

  function card(s) {
    // a history sparkline only with two or more runs that have a headline number (one point is no trend;
    // a DAG or an interaction scan has no number)
    var numbered = (s.history || []).filter(function (r) { return r.headline && r.headline.estimate !== null; }).length;
    var numbers = numbered >= 2;
    var spark = el('div', {class: numbers ? 'spark chart' : 'spark', 'data-title': 'sparkline ' + s.name});
    var href = 'studies/' + encodeURIComponent(s.name);
    var node = el('a', {class: 'card', href: href, 'data-study': s.name},
      el('div', {class: 'card-head'}, el('h2', {text: s.question || s.name}), C.badge(s.headline, s.runs, s.better)),
      el('div', {class: 'card-id'}, el('code', {text: s.name}), ' ', el('span', {class: 'method', text: s.method})),
      s.decision ? el('p', {class: 'card-decision'}, C.decisionBadge(s.decision)) : null,
      s.headline ? el('p', {class: 'headline'}, el('span', {class: 'label', text: s.headline.label}), el('br'),
        el('strong', {text: C.headlineText(s.headline)})) : el('p', {class: 'muted gist', text: s.runs ? gist(s.summary) : 'Not run yet.'}),
      el('div', {class: 'card-foot'}, el('span', {class: 'muted small', text: 'Last run: ' + C.when(s.last_run_at) + (s.runs > 1 ? ' · ' + s.runs + ' runs' : '')}), spark));
    return {node: node, draw: function () {
      if (numbers) C.sparkline(spark, s.history).catch(function (e) { C.showError(spark, 'chart failed: ' + e.message); });
    }};
  }

  C.api('api/studies').then(function (doc) {
    app.innerHTML = '';
    if (doc.config_error) C.showError(app, 'ceteris.yaml has a problem: ' + doc.config_error);
    if (doc.studies.length === 0 && !doc.config_error) {
      app.appendChild(el('p', {class: 'muted', text: 'No studies yet. Add one under "studies:" in ceteris.yaml (see docs/dashboard.md).'}));
    }
    var grid = el('div', {class: 'cards'});
    var cards = doc.studies.map(card);
    cards.forEach(function (c) { grid.appendChild(c.node); });
    app.appendChild(grid);
    cards.forEach(function (c) { c.draw(); });
    var recent = el('section', {class: 'panel', id: 'events'}, el('h2', {text: 'Latest events'}));
    app.appendChild(recent);
    C.api('api/events?limit=20').then(function (ev) { recent.appendChild(C.eventList(ev.events, true)); })
      .catch(function (e) { C.showError(recent, e.message); });
  }).catch(function (e) { app.innerHTML = ''; C.showError(app, e.message); });
});
