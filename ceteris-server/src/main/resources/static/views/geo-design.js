/* Geo test design view: the recommended test set's power curve (power against the lift), the 80% line and the
   minimum detectable effect marked; the ranked candidate sets and the best set's synthetic-control donors. */
(function () {
  /* A lift as "+7.2%" (one decimal: the grid of the MDE is 0.5 points). */
  function lift(x) { return (x > 0 ? '+' : '') + (100 * x).toFixed(1) + '%'; }

Ceteris.views.register('geo-design', {
  charts: function (result, study) {
    var best = result.best;
    var curve = (result.power_curve || []).filter(function (p) { return p.effect !== null && p.power !== null; });
    if (!best || curve.length === 0) return [];
    var units = (best.units || []).map(Ceteris.humanize).join(', ');
    var asked = (best.power || []).map(function (p) { return {effect: p.effect, power: p.power}; });
    var target = 0.8;
    var one = {values: [{}]}; // one mark per annotation layer
    var layers = [
      {data: {values: curve}, mark: {type: 'line', color: '#3559b7', strokeWidth: 2, interpolate: 'linear'}, encoding: {
        x: {field: 'effect', type: 'quantitative', title: 'lift in the test cities', axis: {format: '+.0%', tickCount: 6, labelOverlap: true}},
        y: {field: 'power', type: 'quantitative', title: 'chance the test detects it', scale: {domain: [0, 1]}, axis: {format: '.0%', tickCount: 5}},
        tooltip: [{field: 'effect', title: 'lift', format: '+.1%'}, {field: 'power', title: 'power', format: '.0%'}]}},
      {data: one, mark: {type: 'rule', color: '#8a919e', strokeDash: [4, 3]}, encoding: {y: {datum: target, type: 'quantitative'}}},
      {data: one, mark: {type: 'text', align: 'left', baseline: 'bottom', dx: 4, dy: -2, color: '#5b6270', fontSize: 11},
        encoding: {x: {value: 0}, y: {datum: target, type: 'quantitative'}, text: {value: '80% power'}}}
    ];
    if (asked.length > 0) {
      layers.push({data: {values: asked}, mark: {type: 'point', filled: true, size: 60, color: '#3559b7'}, encoding: {
        x: {field: 'effect', type: 'quantitative'}, y: {field: 'power', type: 'quantitative'},
        tooltip: [{field: 'effect', title: 'lift', format: '+.1%'}, {field: 'power', title: 'power', format: '.0%'}]}});
    }
    var mdeText;
    if (best.mde !== null && best.mde !== undefined) {
      var mde = {datum: best.mde, type: 'quantitative'};
      mdeText = 'MDE ' + lift(best.mde);
      layers.push(
        {data: one, mark: {type: 'rule', color: '#c0392b', strokeDash: [6, 4]}, encoding: {x: mde}},
        {data: one, mark: {type: 'text', align: 'left', dx: 4, dy: 4, baseline: 'top', color: '#c0392b', fontSize: 11},
          encoding: {x: mde, y: {value: 0}, text: {value: mdeText}}});
    }
    return [{
      title: 'How likely the next test in ' + units + ' is to detect a lift',
      lead: mdeText ? 'Smallest lift detected 80% of the time: ' + lift(best.mde) +
        ' (' + result.duration + ' periods, ' + result.test_units + ' test ' + (result.test_units === 1 ? 'unit' : 'units') + ').'
        : 'No lift up to +100% is detected 80% of the time: test more units or for longer.',
      caption: 'Each point of the curve is the share of simulated past tests — the same synthetic-control check with placebos, ' +
        'with the lift added to ' + units + ' over ' + result.duration + ' past periods — that called the lift real. ' +
        'The dashed grey line is 80%; the dashed red line marks the minimum detectable effect (MDE), where the curve crosses it. ' +
        'Dots are the lifts asked about.',
      // narrower than 560 px on a phone, so that the whole curve and the MDE label show without scrolling
      spec: {width: Math.max(200, Math.min(560, window.innerWidth - 175)), height: 240, layer: layers}
    }];
  },
  details: function (result) {
    var ranking = result.ranking || [];
    var effects = ranking.length > 0 ? (ranking[0].power || []).map(function (p) { return p.effect; }) : [];
    var head = ['test units', 'MDE'].concat(effects.map(function (e) { return 'power at ' + lift(e); }))
      .concat(['false alarms', 'fit error']);
    var rows = ranking.map(function (s) {
      return [(s.units || []).map(Ceteris.humanize).join(', '),
        s.mde === null || s.mde === undefined ? 'none up to +100%' : lift(s.mde)]
        .concat((s.power || []).map(function (p) { return Ceteris.percent(p.power); }))
        .concat([Ceteris.percent(s.false_positive_rate), Ceteris.percent(s.relative_rmspe)]);
    });
    var best = result.best || {};
    var donors = Object.keys(best.weights || {}).map(function (k) { return [Ceteris.humanize(k), best.weights[k]]; })
      .filter(function (r) { return Math.abs(r[1]) >= 0.005; })
      .sort(function (a, b) { return b[1] - a[1]; })
      .map(function (r) { return [r[0], Ceteris.percent(r[1])]; });
    return Ceteris.el('div', null,
      Ceteris.el('p', {class: 'muted', text: 'Candidate test sets, best first (false alarms: how often the test called a lift real ' +
        'in past windows with no lift — sets above ' + Ceteris.percent(result.alpha) + ' come last, their power is overstated; fit error: ' +
        'how far the synthetic control missed the set over the history, relative to its level):'}),
      Ceteris.table(head, rows),
      Ceteris.el('p', {class: 'muted', text: 'The recommended set is compared with a synthetic control made of these units (weights of 0.5% or more):'}),
      Ceteris.table(['comparison unit', 'weight'], donors));
  }
});
})();
