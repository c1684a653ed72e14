/* Ceteris dashboard: shared helpers and the registry of method views. No build step. */
(function () {
  'use strict';

  var params = new URLSearchParams(window.location.search);

  /* Which page this address shows: a study (/studies/NAME, study.html?name=NAME, or an exported report), SQL, or home. */
  var path = window.location.pathname;
  var page = document.getElementById('ceteris-data') || /\/studies\/[^\/]+\/?$/.test(path) || /\/study\.html$/.test(path)
    ? 'study' : /\/sql\.html$/.test(path) ? 'sql' : 'home';
  if (params.get('token')) {
    sessionStorage.setItem('ceteris-token', params.get('token'));
  }

  function api(path, options) {
    options = options || {};
    var headers = Object.assign({'Accept': 'application/json'}, options.headers || {});
    var token = sessionStorage.getItem('ceteris-token');
    if (token) headers['Authorization'] = 'Bearer ' + token;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(path, {method: options.method || 'GET', headers: headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body)})
      .then(function (res) {
        return res.text().then(function (text) {
          var doc = null;
          try { doc = text ? JSON.parse(text) : null; } catch (e) { doc = {detail: text}; }
          if (!res.ok) {
            var err = new Error((doc && (doc.detail || doc.title)) || ('HTTP ' + res.status));
            err.status = res.status;
            throw err;
          }
          return doc;
        });
      });
  }

  /* elements: el('div', {class: 'x'}, child, 'text', …) */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] === null || attrs[k] === undefined || attrs[k] === false) return;
      if (k === 'text') node.textContent = attrs[k];
      else if (k.indexOf('on') === 0) node.addEventListener(k.substring(2), attrs[k]);
      else node.setAttribute(k, attrs[k]);
    });
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined) continue;
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return node;
  }

  function number(x) {
    if (x === null || x === undefined || isNaN(x)) return 'n/a';
    var a = Math.abs(x);
    if (a === 0) return '0';
    if (a >= 1e6 || a < 1e-3) return x.toPrecision(3);
    if (a >= 100) return Math.round(x).toLocaleString('en-US');
    if (a >= 10) return x.toFixed(1);
    if (a >= 1) return x.toFixed(2);
    return x.toFixed(3);
  }

  function percent(x) { return (x === null || x === undefined) ? 'n/a' : number(100 * x) + '%'; }
  function signed(text, x) { return x > 0 ? '+' + text : text; }

  /* "+4.1% (95% interval +2.0% to +6.2%)" */
  function headlineText(h) {
    if (!h) return '';
    var f = h.relative ? percent : number;
    var s = signed(f(h.estimate), h.estimate);
    if (h.ci_low !== null && h.ci_low !== undefined) {
      s += ' (likely between ' + signed(f(h.ci_low), h.ci_low) + ' and ' + signed(f(h.ci_high), h.ci_high) + ')';
    }
    return s;
  }

  /* The verdict in words, coloured by whether the change is good: a fall is good when lower is better. */
  function verdict(headline, better) {
    var lower = better === 'lower';
    switch (headline.verdict) {
      case 'positive': return lower ? ['Clear increase: worse', 'bad'] : ['Clear increase: better', 'good'];
      case 'negative': return lower ? ['Clear decrease: better', 'good'] : ['Clear decrease: worse', 'bad'];
      case 'decrease_good': return ['Clear decrease: better', 'good'];  // headlines that know the direction already
      case 'increase_bad': return ['Clear increase: worse', 'bad'];
      case 'no_clear_effect': return ['No clear effect', 'neutral'];
      case 'check_data': return ['Check the data', 'warn'];
      default: return [humanize(headline.verdict), 'neutral'];
    }
  }

  /* A change's tone for the charts: 'good' or 'bad' by the metric's direction, 'unclear' when the interval crosses zero. */
  function tone(clear, estimate, better) {
    if (!clear) return 'unclear';
    return (estimate > 0) === (better !== 'lower') ? 'good' : 'bad';
  }
  var TONE_WORDS = {good: 'clear change for the better', bad: 'clear change for the worse', unclear: 'no clear change'};
  var TONE_SCALE = {domain: [TONE_WORDS.good, TONE_WORDS.bad, TONE_WORDS.unclear], range: ['#1b8a5a', '#c0392b', '#8a919e']};

  function badge(headline, runs, better) {
    if (!runs) return el('span', {class: 'badge none', text: 'Not run yet'});
    if (!headline) return el('span', {class: 'badge neutral', text: 'See summary'});
    var v = verdict(headline, better);
    return el('span', {class: 'badge ' + v[1], title: (better === 'lower' ? 'lower' : 'higher') + ' is better', text: v[0]});
  }

  var DECISIONS = {
    ship: ['Ship', 'good'],
    do_not_ship: ['Do not ship', 'bad'],
    keep_running: ['Keep running', 'neutral'],
    inconclusive: ['Inconclusive', 'warn']
  };

  /* The ship decision of an experiment ({recommendation, variant}) as a labelled badge; null without one. */
  function decisionBadge(decision) {
    if (!decision || !decision.recommendation) return null;
    var d = DECISIONS[decision.recommendation] || [decision.recommendation, 'neutral'];
    return el('span', {class: 'badge decision ' + d[1], 'data-decision': decision.recommendation,
      text: 'Decision: ' + d[0] + (decision.recommendation === 'ship' && decision.variant ? ' ' + decision.variant : '')});
  }

  function when(iso) {
    if (!iso) return 'never';
    var d = new Date(iso);
    return d.toISOString().replace('T', ' ').substring(0, 16) + ' UTC';
  }

  function humanize(s) { return String(s).replace(/_/g, ' '); }

  /* Plain explanations of diagnostic codes; method views add their own with register(). */
  var explain = {
    MISSING_VALUES: 'Some rows had no value for a column the analysis needs and were left out. If many rows are missing, the result describes only the rows that remain.',
    ZERO_VARIANCE: 'A group had the same value for every unit, so how much the number could move by chance cannot be judged.',
    SMALL_SAMPLE: 'A group is small, so the numbers can move a lot from one run to the next.',
    SRM: 'The groups are not the sizes the experiment was set up to give. This usually means a bug in how users were assigned or logged, and it can make any difference meaningless until it is explained.',
    CUPED_NO_VARIANCE: 'The earlier-period data did not vary, so it could not be used to sharpen the estimate; the plain comparison is shown.',
    RATIO_DENOMINATOR_NEAR_ZERO: 'The bottom of a ratio is close to zero, so the ratio and its range are unreliable.',
    MULTIPLE_TESTING: 'Several comparisons were made at once; the ranges were widened so that a lucky-looking difference is not mistaken for a real one.'
  };

  var SEVERITY_TEXT = {
    error: 'Do not act on this result until this is fixed.',
    warning: 'Read the result with this in mind.',
    info: 'For information; the result stands.'
  };

  /* Method views: {charts(result, study) -> [{title, caption, spec}], explanations: {CODE: text}} */
  var registry = {};
  var views = {
    register: function (method, view) {
      registry[method] = view;
      Object.assign(explain, view.explanations || {});
    },
    get: function (method) { return registry[method] || null; }
  };

  /* Renders a Vega-Lite spec into container; resolves when drawn. */
  function chart(container, spec) {
    var full = Object.assign({
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      config: {
        font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        axis: {labelFontSize: 12, titleFontSize: 12, labelColor: '#333', titleColor: '#333', gridColor: '#eceef2'},
        view: {stroke: null},
        legend: {labelFontSize: 12, titleFontSize: 12}
      }
    }, spec);
    return vegaEmbed(container, full, {actions: false, renderer: 'svg'});
  }

  function sparkline(container, history) {
    var values = (history || []).filter(function (r) { return r.headline && r.headline.estimate !== null; })
      .map(function (r) { return {run_at: r.run_at, estimate: r.headline.estimate}; });
    if (values.length < 2) {
      // one point is not a trend: say so instead of drawing a lone dot
      container.appendChild(el('span', {class: 'muted small', text: values.length ? 'one run so far' : 'no history yet'}));
      return Promise.resolve();
    }
    return chart(container, {
      width: 160, height: 36, padding: 2,
      data: {values: values},
      layer: [
        {mark: {type: 'rule', color: '#c5cad3', strokeDash: [2, 2]}, encoding: {y: {datum: 0, type: 'quantitative', axis: null}}},
        {mark: {type: 'line', point: {size: 18}, color: '#3559b7', strokeWidth: 1.5},
          encoding: {x: {field: 'run_at', type: 'temporal', axis: null},
            y: {field: 'estimate', type: 'quantitative', axis: null, scale: {zero: true}}}}
      ]
    });
  }

  /* The fields of a result worth a table when the method has no chart: top-level numbers and words. */
  function headlineFields(result) {
    var rows = [];
    Object.keys(result || {}).forEach(function (k) {
      var v = result[k];
      if (k === 'summary' || k === 'diagnostics' || k === 'method') return;
      if (v === null || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') {
        rows.push([humanize(k), typeof v === 'number' ? number(v) : (v === null ? 'n/a' : String(v))]);
      } else if (Array.isArray(v)) {
        rows.push([humanize(k), v.length + ' item' + (v.length === 1 ? '' : 's')]);
      }
    });
    return rows;
  }

  function table(header, rows) {
    var thead = el('thead', null, el('tr', null));
    header.forEach(function (h) { thead.firstChild.appendChild(el('th', {text: h})); });
    var tbody = el('tbody');
    rows.forEach(function (r) {
      var tr = el('tr');
      r.forEach(function (c) { tr.appendChild(el('td', {text: c === null || c === undefined ? 'NULL' : String(c)})); });
      tbody.appendChild(tr);
    });
    return el('table', {class: 'data'}, thead, tbody);
  }

  function showError(container, message) {
    container.appendChild(el('div', {class: 'alert', role: 'alert', text: message}));
  }

  var EVENT_TEXT = {demoted: 'arm demoted', winner: 'winner', srm: 'sample-ratio mismatch', warning: 'warning',
    failed: 'study failed', revision: 'assignment revised', alert_failed: 'webhook failed'};

  /* Events (newest first) as a timeline list; withStudy adds the study's name and a link to it. */
  function eventList(events, withStudy) {
    if (!events || events.length === 0) {
      return el('p', {class: 'muted', text: 'No events yet: a run records one when a verdict changes (an arm demoted, a winner, a warning, a failure).'});
    }
    var ol = el('ol', {class: 'events'});
    events.forEach(function (e) {
      ol.appendChild(el('li', {class: 'event ' + e.kind, 'data-kind': e.kind},
        el('span', {class: 'event-when muted small', text: when(e.at)}),
        el('span', {class: 'event-kind ' + e.kind, text: EVENT_TEXT[e.kind] || humanize(e.kind)}),
        withStudy && e.study ? el('a', {href: 'study.html?name=' + encodeURIComponent(e.study), text: e.study}) : null,
        el('span', {class: 'event-text', text: e.message})));
    });
    return ol;
  }

  /* A page's script: draw(C, main) runs when this address shows that page (home, study or sql). */
  function onPage(name, draw) {
    if (name === page) draw(window.Ceteris, document.getElementById('app'));
  }

  window.Ceteris = {
    eventList: eventList, page: page, onPage: onPage,
    api: api, el: el, number: number, percent: percent, signed: signed, headlineText: headlineText,
    badge: badge, verdict: verdict, verdictWords: function (clear, estimate, better) { return TONE_WORDS[tone(clear, estimate, better)]; }, toneScale: TONE_SCALE, decisionBadge: decisionBadge, when: when, humanize: humanize, explain: explain, severityText: SEVERITY_TEXT,
    views: views, chart: chart, sparkline: sparkline, headlineFields: headlineFields, table: table,
    showError: showError
  };
})();
