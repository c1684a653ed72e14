/* Difference-in-differences view: effects by time since the change, the before-period shaded. */
Ceteris.views.register('did', {
  charts: function (result) {
    var z = (result.se > 0 && result.ci_high !== null) ? (result.ci_high - result.estimate) / result.se : 1.96;
    var rows = [];
    if (result.event_study && result.event_study.length > 0) {
      result.event_study.forEach(function (e) { rows.push({t: e.event_time, est: e.estimate, se: e.se}); });
    } else if (result.aggregations && result.aggregations.dynamic && result.aggregations.dynamic.length > 0) {
      result.aggregations.dynamic.forEach(function (e) { rows.push({t: e.event_time, est: e.att, se: e.se}); });
    }
    rows = rows.filter(function (r) { return r.est !== null && r.se !== null; }).map(function (r) {
      return {t: r.t, est: r.est, low: r.est - z * r.se, high: r.est + z * r.se,
        period: r.t < 0 ? 'before the change' : 'after the change'};
    });
    if (rows.length === 0) {
      if (result.estimate === null || result.ci_low === null) return [];
      rows = [{label: 'effect', est: result.estimate, low: result.ci_low, high: result.ci_high}];
      return [{
        title: 'Estimated effect of the change',
        caption: 'The dot is the estimated effect; the line is the range the true effect most likely lies in. A line that crosses the dashed zero line means no clear effect.',
        spec: {width: 520, height: 60, data: {values: rows}, layer: [
          {mark: {type: 'rule', strokeDash: [4, 3], color: '#8a919e'}, encoding: {x: {datum: 0, type: 'quantitative'}}},
          {mark: {type: 'rule', strokeWidth: 3, color: '#3559b7'}, encoding: {y: {field: 'label', type: 'nominal', title: null},
            x: {field: 'low', type: 'quantitative', title: 'effect'}, x2: {field: 'high'}}},
          {mark: {type: 'point', filled: true, size: 90, color: '#3559b7'}, encoding: {y: {field: 'label', type: 'nominal'},
            x: {field: 'est', type: 'quantitative'}}}]}
      }];
    }
    var minT = Math.min.apply(null, rows.map(function (r) { return r.t; }));
    var maxT = Math.max.apply(null, rows.map(function (r) { return r.t; }));
    var layers = [];
    if (minT < 0) {
      layers.push({data: {values: [{from: minT - 0.5, to: -0.5}]}, mark: {type: 'rect', color: '#eef0f4'},
        encoding: {x: {field: 'from', type: 'quantitative'}, x2: {field: 'to'}}});
    }
    layers.push(
      {mark: {type: 'rule', strokeDash: [4, 3], color: '#8a919e'}, encoding: {y: {datum: 0, type: 'quantitative'}}},
      {mark: {type: 'rule', strokeWidth: 2}, encoding: {
        x: {field: 't', type: 'quantitative', title: 'periods since the change (negative: before it)', axis: {tickMinStep: 1, format: 'd'},
          scale: {domain: [minT - 0.5, maxT + 0.5], nice: false, zero: false}},
        y: {field: 'low', type: 'quantitative', title: 'effect'}, y2: {field: 'high'},
        color: {field: 'period', type: 'nominal', title: null, scale: {domain: ['before the change', 'after the change'], range: ['#8a919e', '#3559b7']}}}},
      {mark: {type: 'point', filled: true, size: 70}, encoding: {
        x: {field: 't', type: 'quantitative'}, y: {field: 'est', type: 'quantitative'},
        color: {field: 'period', type: 'nominal'},
        tooltip: [{field: 't', title: 'periods since'}, {field: 'est', title: 'effect', format: ',.3~f'},
          {field: 'low', title: 'likely from', format: ',.3~f'}, {field: 'high', title: 'likely to', format: ',.3~f'}]}});
    return [{
      title: 'Effect by time since the change',
      caption: 'Each dot is the estimated effect that many periods after the change; the bar is the range it most likely lies in. ' +
        'The shaded part is before the change: there the dots should sit on the dashed zero line — if they do not, the groups were already drifting apart and the effect may be overstated or understated.',
      spec: {width: 560, height: 240, data: {values: rows}, layer: layers}
    }];
  },
  explanations: {
    DID_PRETREND: 'Before the change, the changed and unchanged groups were already moving differently, so part of the estimated effect may be that earlier drift.',
    DID_TWFE_STAGGERED: 'Units started at different times; this simple model can compare late starters with early ones and mislead. The staggered design avoids that.',
    DID_ALREADY_TREATED: 'Some units had the change from the first period on; with no "before" to compare, they were left out.',
    DID_UNBALANCED_PANEL: 'Some units are missing in some periods and were left out, so the result describes the units seen throughout.'
  }
});
