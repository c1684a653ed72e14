/* The study page: summary, the method's chart, diagnostics, history, run now. Also the exported report. */
window.Ceteris.onPage('study', function (C, app) {
  'use strict';
  var el = C.el;
  var embedded = document.getElementById('ceteris-data');
  var params = new URLSearchParams(window.location.search);
  // /studies/NAME (the address to share) or study.html?name=NAME (older links)
  var pretty = /\/studies\/([^\/?#]+)\/?$/.exec(window.location.pathname);
  var name = pretty ? decodeURIComponent(pretty[1]) : params.get('name');
  var forceGeneric = params.get('view') === 'generic';

  function section(title, body, extra) {
    return el('section', {class: 'panel' + (extra ? ' ' + extra : '')}, el('h2', {text: title}), body);
  }

  function chartBox(item) {
    var box = el('div', {class: 'chart', 'data-title': item.title});
    var fig = el('figure', null, box, el('figcaption', {class: 'caption', text: item.caption || ''}));
    // a view draws a Vega-Lite spec, or (item.render) draws into the box itself and returns a promise
    var drawn = item.render ? Promise.resolve().then(function () { return item.render(box); }) : C.chart(box, item.spec);
    drawn.catch(function (e) { C.showError(box, 'The chart could not be drawn: ' + e.message); });
    return fig;
  }

  function diagnostics(list) {
    if (!list || list.length === 0) {
      return el('p', {class: 'ok', text: 'No problems found in the data checks.'});
    }
    var ul = el('ul', {class: 'diagnostics'});
    list.forEach(function (d) {
      ul.appendChild(el('li', {class: 'diag ' + d.severity},
        el('div', {class: 'diag-head'}, el('span', {class: 'sev ' + d.severity, text: d.severity}),
          el('strong', {text: C.humanize(d.code).toLowerCase()})),
        el('p', {text: d.message}),
        el('p', {class: 'muted', text: (C.explain[d.code] ? C.explain[d.code] + ' ' : '') + (C.severityText[d.severity] || '')})));
    });
    return ul;
  }

  function historyChart(history) {
    var values = history.filter(function (r) { return r.headline && r.headline.estimate !== null; }).map(function (r) {
      var d = new Date(r.run_at);
      var label = d.toLocaleString('en-GB', {day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC'}) + ' · #' + r.run_id;
      return {run_at: r.run_at, run: r.run_id, label: label, estimate: r.headline.estimate,
        low: r.headline.ci_low, high: r.headline.ci_high, relative: r.headline.relative};
    });
    if (values.length === 0) {
      return el('p', {class: 'muted', text: history.length > 0
        ? 'This study gives no single number to follow from run to run; each run\'s summary says what it found.'
        : 'No runs with a headline number yet.'});
    }
    var fmt = values[0].relative ? '+.1%' : ',.3~f';
    var box = el('div', {class: 'chart', 'data-title': 'history'});
    var x = {field: 'label', type: 'ordinal', sort: {field: 'run'}, title: 'run (time in UTC · run number)',
      scale: {padding: 0.3}, axis: {labelAngle: -30, labelOverlap: 'greedy'}};
    var spec = {
      width: 560, height: 200,
      data: {values: values},
      layer: [
        {mark: {type: 'rule', strokeDash: [4, 3], color: '#8a919e'}, encoding: {y: {datum: 0, type: 'quantitative'}}},
        {mark: {type: 'area', opacity: 0.15, color: '#3559b7'},
          encoding: {x: x, y: {field: 'low', type: 'quantitative', title: 'estimate', axis: {format: fmt}}, y2: {field: 'high'}}},
        {mark: {type: 'rule', color: '#3559b7', opacity: 0.45, strokeWidth: 3},
          encoding: {x: x, y: {field: 'low', type: 'quantitative'}, y2: {field: 'high'}}},
        {mark: {type: 'line', point: {size: 50}, color: '#3559b7'},
          encoding: {x: x, y: {field: 'estimate', type: 'quantitative'},
            tooltip: [{field: 'run', title: 'run'}, {field: 'run_at', title: 'time (UTC)'},
              {field: 'estimate', format: fmt}, {field: 'low', format: fmt, title: 'likely from'}, {field: 'high', format: fmt, title: 'likely to'}]}}
      ]
    };
    C.chart(box, spec).catch(function (e) { C.showError(box, 'The chart could not be drawn: ' + e.message); });
    return el('figure', null, box, el('figcaption', {class: 'caption',
      text: 'How the headline estimate moved from run to run; the vertical bar (and the shaded band) is the range the true value most likely lies in at each run. The dashed line is zero: no change.'}));
  }

  function render(study) {
    app.innerHTML = '';
    document.title = (study.question || study.name) + ' — Ceteris';
    var last = study.last_run;
    var result = last ? last.result : null;
    var runButton = embedded ? null : el('button', {class: 'run', id: 'run-now', type: 'button', onclick: runNow, text: 'Run now'});
    app.appendChild(el('div', {class: 'study-head'},
      el('div', null,
        embedded ? null : el('a', {href: 'index.html', class: 'back', text: '← All studies'}),
        el('h1', {text: study.question || study.name}),
        el('p', {class: 'study-id'}, el('code', {text: study.name}), ' ', el('span', {class: 'method', text: study.method})),
        el('p', {class: 'muted', text: last ? 'Last run ' + C.when(last.run_at) + ' · ' + study.runs + ' run' + (study.runs === 1 ? '' : 's') + ' stored · Ceteris ' + last.ceteris_version : 'Not run yet'})),
      el('div', {class: 'head-right'}, C.badge(last && last.headline, study.runs, study.better), runButton)));
    app.appendChild(el('div', {id: 'run-status', role: 'status', class: 'muted'}));

    if (!result) {
      app.appendChild(section('Summary', el('p', {class: 'summary', text: 'This study has not been run yet. Press "Run now" or run `ceteris run --workspace …`.'})));
      return;
    }
    var summary = el('div', null);
    if (last.headline) {
      summary.appendChild(el('p', {class: 'headline'}, el('span', {class: 'label', text: last.headline.label + ': '}),
        el('strong', {text: C.headlineText(last.headline)})));
    }
    summary.appendChild(el('p', {class: 'summary', text: result.summary}));
    app.appendChild(section('What happened', summary, 'summary-panel'));
    if (result.decision && result.decision.recommendation) {
      var d = result.decision;
      var reasons = el('ul', {class: 'reasons'});
      (d.reasons || []).forEach(function (r) { reasons.appendChild(el('li', {text: r})); });
      var variant = d.recommendation === 'ship' ? (d.variant || d.winner) : null;
      app.appendChild(section('Decision', el('div', {id: 'decision'},
        el('p', null, C.decisionBadge({recommendation: d.recommendation, variant: variant})), reasons,
        d.further_units ? el('p', {class: 'muted', text: 'Further units needed: ' + d.further_units.toLocaleString('en-US') +
          (d.further_days ? ' (about ' + Math.ceil(d.further_days) + ' days at the current traffic)' : '') + '.'}) : null),
        'decision-panel'));
    }

    var view = forceGeneric ? null : C.views.get(study.method);
    var charts = view && view.charts ? view.charts(result, study) : [];
    if (charts.length > 0) {
      var box = el('div');
      charts.forEach(function (item) {
        box.appendChild(el('h3', {text: item.title}));
        if (item.lead) box.appendChild(el('p', {class: 'lead ' + (item.leadClass || ''), text: item.lead}));
        box.appendChild(chartBox(item));
      });
      app.appendChild(section('The evidence', box));
      if (view.details) app.appendChild(section('The numbers', view.details(result, study)));
    } else {
      var rows = C.headlineFields(result);
      app.appendChild(section('The numbers', el('div', null,
        el('p', {class: 'muted', text: 'This method has no chart in the dashboard yet; its main figures are listed here.'}),
        C.table(['field', 'value'], rows)), 'generic'));
    }
    app.appendChild(section('Data checks', diagnostics(result.diagnostics)));
    app.appendChild(section('History', historyChart(study.history || [])));
    if (!embedded) {
      var timeline = el('div', {id: 'timeline'});
      app.appendChild(section('Timeline', timeline));
      C.api('api/events?study=' + encodeURIComponent(study.name)).then(function (ev) {
        timeline.appendChild(C.eventList(ev.events, false));
      }).catch(function (e) { C.showError(timeline, e.message); });
    }
    app.appendChild(el('details', {class: 'panel'}, el('summary', {text: 'Study settings'}),
      el('pre', {text: JSON.stringify(study.spec, null, 2)})));
  }

  function runNow() {
    var button = document.getElementById('run-now');
    var status = document.getElementById('run-status');
    button.disabled = true;
    status.textContent = 'Running…';
    C.api('api/studies/' + encodeURIComponent(name) + '/run', {method: 'POST', body: {}})
      .then(load)
      .catch(function (e) { status.textContent = ''; C.showError(status, 'The run failed: ' + e.message); button.disabled = false; });
  }

  function load() {
    return C.api('api/studies/' + encodeURIComponent(name)).then(render)
      .catch(function (e) { app.innerHTML = ''; C.showError(app, e.message); });
  }

  if (embedded) {
    render(JSON.parse(embedded.textContent));
  } else if (!name) {
    C.showError(app, 'No study named in the address; open a study from the home page.');
  } else {
    load();
  }
});
