/* A/B/n scorecard view: a forest plot of every variant's relative change against control, per metric
   (quantile metrics as their own rows), the Bayesian chance to win and risk, and the guardrails. */
(function () {
function metricLabel(m) {
  if (m.quantile !== undefined && m.quantile !== null) {
    return Ceteris.humanize(m.metric) + ' (' + Math.round(m.quantile * 1000) / 10 + 'th percentile)';
  }
  return Ceteris.humanize(m.metric) + (m.covariate ? ' (adjusted for ' + Ceteris.humanize(m.covariate) + ')' : '');
}

function pct(x, scale) {
  return scale === 'relative' ? Ceteris.signed(Ceteris.percent(x), x) : Ceteris.number(x);
}

function bayesianTable(result) {
  var rows = [];
  (result.metrics || []).forEach(function (m) {
    (m.bayesian || []).forEach(function (b) {
      rows.push([metricLabel(m), b.variant + ' vs ' + b.control, b.problem ? 'n/a' : Ceteris.percent(b.chance_to_win),
        pct(b.posterior_mean, b.scale), pct(b.ci_low, b.scale) + ' to ' + pct(b.ci_high, b.scale),
        pct(b.risk_variant, b.scale), pct(b.risk_control, b.scale)]);
    });
  });
  var t = Ceteris.table(['metric', 'variant', 'chance to win', 'expected change', 'credible interval',
    'risk of choosing it', 'risk of keeping control'], rows);
  t.id = 'bayesian-table';
  return t;
}

function guardrailTable(result) {
  var rows = [];
  (result.metrics || []).forEach(function (m) {
    if (!m.guardrail) return;
    m.guardrail.checks.forEach(function (c) {
      rows.push([metricLabel(m), c.variant, Ceteris.signed(Ceteris.percent(m.guardrail.margin), m.guardrail.margin), c.status]);
    });
  });
  if (rows.length === 0) return null;
  var t = Ceteris.table(['guardrail', 'variant', 'allowed change', 'status'], rows);
  t.id = 'guardrail-table';
  return t;
}

Ceteris.views.register('ab', {
  charts: function (result) {
    var alpha = result.alpha;
    var level = Math.round(100 * (1 - alpha)) + '%';
    var rows = [];
    var order = [];
    (result.metrics || []).forEach(function (m) {
      (m.comparisons || []).forEach(function (c) {
        var clear = c.p_adjusted !== null && c.p_adjusted < alpha;
        var metric = metricLabel(m);
        if (order.indexOf(metric) < 0) order.push(metric);
        rows.push({
          metric: metric,
          variant: c.variant + ' vs ' + c.control,
          relative: c.relative, low: c.relative_ci_low, high: c.relative_ci_high,
          verdict: Ceteris.verdictWords(clear, c.estimate, m.better),
          label: Ceteris.signed(Ceteris.percent(c.relative), c.relative)
        });
      });
    });
    if (rows.length === 0) return [];
    return [{
      title: 'Change compared with control, per metric',
      caption: 'Each dot is the estimated change in percent; the line is the range the true change most likely lies in (' +
        level + ' interval). A line that crosses the dashed zero line means the data cannot tell the variant apart from no change.',
      spec: {
        data: {values: rows},
        facet: {row: {field: 'metric', type: 'nominal', title: null, sort: order, header: {labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelFontSize: 13, labelFontWeight: 'bold', labelOrient: 'top'}}},
        spec: {
          width: 560,
          layer: [
            {mark: {type: 'rule', strokeDash: [4, 3], color: '#8a919e'}, encoding: {x: {datum: 0, type: 'quantitative'}}},
            {mark: {type: 'rule', strokeWidth: 3},
              encoding: {y: {field: 'variant', type: 'nominal', title: null},
                x: {field: 'low', type: 'quantitative', title: 'change compared with control', axis: {format: '+.1~%'}},
                x2: {field: 'high'},
                color: {field: 'verdict', type: 'nominal', title: null, scale: Ceteris.toneScale}}},
            {mark: {type: 'point', filled: true, size: 90},
              encoding: {y: {field: 'variant', type: 'nominal'}, x: {field: 'relative', type: 'quantitative'},
                color: {field: 'verdict', type: 'nominal'},
                tooltip: [{field: 'variant'}, {field: 'label', title: 'change'},
                  {field: 'low', format: '+.1%', title: 'likely from'}, {field: 'high', format: '+.1%', title: 'likely to'}]}},
            {mark: {type: 'text', dy: -12, fontSize: 11, color: '#333'},
              encoding: {y: {field: 'variant', type: 'nominal'}, x: {field: 'relative', type: 'quantitative'}, text: {field: 'label'}}}
          ]
        },
        resolve: {scale: {x: 'independent', y: 'independent'}}
      }
    }];
  },
  details: function (result) {
    var rows = [];
    (result.metrics || []).forEach(function (m) {
      (m.variants || []).forEach(function (v) {
        var c = (m.comparisons || []).filter(function (x) { return x.variant === v.variant; })[0];
        rows.push([metricLabel(m), v.variant, v.n.toLocaleString('en-US'), Ceteris.number(v.mean),
          c ? Ceteris.signed(Ceteris.percent(c.relative), c.relative) : '(control)',
          c ? Ceteris.percent(c.relative_ci_low) + ' to ' + Ceteris.percent(c.relative_ci_high) : '']);
      });
    });
    var box = Ceteris.el('div', null, Ceteris.table(['metric', 'variant', 'units', 'average', 'change', 'likely range'], rows));
    if (result.inference === 'bayesian') {
      box.appendChild(Ceteris.el('h3', {text: 'Bayesian: chance to win and risk'}));
      box.appendChild(Ceteris.el('p', {class: 'muted', text: 'Chance to win is the probability that the variant is better than control ' +
        'in the metric\'s good direction; risk is how much would be lost on average by choosing the variant (or by keeping control) if that choice is wrong.'}));
      box.appendChild(bayesianTable(result));
    }
    var guards = guardrailTable(result);
    if (guards) {
      box.appendChild(Ceteris.el('h3', {text: 'Guardrails'}));
      box.appendChild(guards);
    }
    return box;
  }
});
})();
