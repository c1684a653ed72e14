/* Observational (propensity) view: the effect with its interval, and a love plot of covariate balance. */
var HOW = {match: 'matching each treated unit with similar untreated ones', ipw: 'weighting units by their chance of treatment',
  aipw: 'weighting combined with a model of the outcome', regression: 'adjusting with a model of the outcome'};
Ceteris.views.register('observe', {
  charts: function (result, study) {
    var charts = [];
    var whom = result.estimand === 'att' ? 'those who got the treatment' : result.estimand === 'atc' ? 'those who did not get it' : 'everyone';
    if (result.estimate !== null && result.ci_low !== null && result.ci_high !== null) {
      var clear = result.ci_low > 0 || result.ci_high < 0;
      var row = {label: 'effect on ' + whom, est: result.estimate, low: result.ci_low, high: result.ci_high,
        verdict: Ceteris.verdictWords(clear, result.estimate, study && study.better)};
      charts.push({
        title: 'Estimated effect of the treatment',
        caption: 'The dot is the estimated effect (' + (HOW[result.estimator] || 'comparing like with like') + '); ' +
          'the line is the range the true effect most likely lies in. A line that crosses the dashed zero line means no clear effect.',
        spec: {width: 520, height: 60, data: {values: [row]}, layer: [
          {mark: {type: 'rule', strokeDash: [4, 3], color: '#8a919e'}, encoding: {x: {datum: 0, type: 'quantitative'}}},
          {mark: {type: 'rule', strokeWidth: 3}, encoding: {y: {field: 'label', type: 'nominal', title: null},
            x: {field: 'low', type: 'quantitative', title: 'effect (in the units of the outcome)'}, x2: {field: 'high'},
            color: {field: 'verdict', type: 'nominal', title: null, legend: null, scale: Ceteris.toneScale}}},
          {mark: {type: 'point', filled: true, size: 90}, encoding: {y: {field: 'label', type: 'nominal'},
            x: {field: 'est', type: 'quantitative'}, color: {field: 'verdict', type: 'nominal'},
            tooltip: [{field: 'verdict', title: 'verdict'}, {field: 'est', title: 'effect', format: ',.4~f'}, {field: 'low', title: 'likely from', format: ',.4~f'},
              {field: 'high', title: 'likely to', format: ',.4~f'}]}}]}
      });
    }
    var points = [];
    var order = [];
    (result.balance || []).forEach(function (b) {
      var name = Ceteris.humanize(b.covariate);
      order.push(name);
      if (b.smd_before !== null) points.push({covariate: name, stage: 'before adjusting', smd: b.smd_before});
      if (b.smd_after !== null) points.push({covariate: name, stage: 'after adjusting', smd: b.smd_after});
    });
    if (points.length > 0) {
      var extent = Math.max(0.25, Math.max.apply(null, points.map(function (p) { return Math.abs(p.smd); })) * 1.1);
      var stage = {field: 'stage', type: 'nominal', title: null,
        scale: {domain: ['before adjusting', 'after adjusting'], range: ['#c0392b', '#3559b7']}};
      var y = {field: 'covariate', type: 'nominal', title: null, sort: order};
      charts.push({
        title: 'Were the groups alike? (balance of each characteristic)',
        caption: 'For each characteristic, how far apart the treated and untreated groups were, in standard deviations: ' +
          'red before adjusting, blue after. Inside the shaded band (±0.1) the groups count as alike; ' +
          'blue dots outside it mean the comparison is still not like with like on that characteristic.',
        spec: {width: 520, height: {step: 26}, data: {values: points}, layer: [
          {data: {values: [{from: -0.1, to: 0.1}]}, mark: {type: 'rect', color: '#e3f1e8'},
            encoding: {x: {field: 'from', type: 'quantitative'}, x2: {field: 'to'}}},
          {mark: {type: 'rule', color: '#8a919e'}, encoding: {x: {datum: 0, type: 'quantitative'}}},
          {mark: {type: 'rule', color: '#c9ced6'}, encoding: {y: y, x: {aggregate: 'min', field: 'smd', type: 'quantitative'},
            x2: {aggregate: 'max', field: 'smd'}}},
          {mark: {type: 'point', filled: true, size: 80}, encoding: {y: y,
            x: {field: 'smd', type: 'quantitative', title: 'difference between the groups (standard deviations)',
              scale: {domain: [-extent, extent]}},
            color: stage, shape: {field: 'stage', type: 'nominal', title: null, scale: {domain: ['before adjusting', 'after adjusting'], range: ['square', 'circle']}},
            tooltip: [{field: 'covariate', title: 'characteristic'}, {field: 'stage'}, {field: 'smd', title: 'difference', format: '+.3f'}]}}]}
      });
    }
    return charts;
  },
  details: function (result) {
    var rows = (result.balance || []).map(function (b) {
      var ok = b.smd_after !== null && Math.abs(b.smd_after) <= 0.1;
      return [Ceteris.humanize(b.covariate), Ceteris.number(b.smd_before), Ceteris.number(b.smd_after), ok ? 'yes' : 'no'];
    });
    var box = Ceteris.el('div', null,
      Ceteris.el('p', {class: 'muted', text: result.n_treated.toLocaleString('en-US') + ' treated and ' +
        result.n_control.toLocaleString('en-US') + ' untreated units; effect ' + Ceteris.number(result.estimate) +
        ' (likely between ' + Ceteris.number(result.ci_low) + ' and ' + Ceteris.number(result.ci_high) + ').'}));
    if (rows.length > 0) {
      box.appendChild(Ceteris.table(['characteristic', 'difference before', 'difference after', 'alike after (within ±0.1)'], rows));
    }
    return box;
  },
  explanations: {
    IMBALANCE: 'After adjusting, the groups still differ on this characteristic, so part of the difference in outcomes may come from it rather than from the treatment.',
    DAG_ADJUSTMENT_SET: 'The causal diagram decided which characteristics to adjust for.',
    LIMITED_OVERLAP: 'Some treated units have no similar untreated units (or the other way round); the estimate leans on a few comparable ones.',
    EXTREME_WEIGHTS: 'A few units count very heavily in the comparison, which makes the estimate less stable.',
    UNMATCHED_TREATED: 'Some treated units found no close match and were left out; the result describes the matched ones.',
    TRIMMED: 'Units with extreme chances of being treated were left out, so the result describes the remaining ones.',
    PROPENSITY_SEPARATION: 'Some characteristics almost perfectly predict who was treated, so fair comparisons are hard to find.',
    REFUTATION_FAILED: 'A check that should have left the effect unchanged (or at zero) did not: treat the estimate with caution.'
  }
});
