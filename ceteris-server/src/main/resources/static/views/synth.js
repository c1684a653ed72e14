/* Synthetic-control view: actual vs synthetic over time, the gap, the treatment time marked, placebos in grey. */
Ceteris.views.register('synth', {
  charts: function (result, study) {
    var outcome = study && study.spec && study.spec.outcome ? Ceteris.humanize(study.spec.outcome) : 'outcome';
    var gaps = (result.gaps || []).filter(function (g) { return g.actual !== null && g.synthetic !== null; });
    if (gaps.length === 0) return [];
    var t0 = result.treatment_time;
    var unit = Ceteris.humanize(result.treated);
    var lines = [];
    gaps.forEach(function (g) {
      lines.push({time: g.time, series: unit + ' (actual)', value: g.actual});
      lines.push({time: g.time, series: 'synthetic ' + unit + ' (no change)', value: g.synthetic});
    });
    // times are numbers (1989, week 80) or ISO dates ("2026-03-02", read as UTC days on a time scale)
    var dated = typeof gaps[0].time === 'string';
    var xType = dated ? 'temporal' : 'quantitative';
    var whole = gaps.every(function (g) { return Math.round(g.time) === g.time; });
    var timeAxis = dated ? {format: '%Y-%m-%d'} : whole ? {tickMinStep: 1, format: 'd'} : {};
    var timeScale = dated ? {type: 'utc'} : {zero: false, nice: false};
    var ymd = dated ? String(t0).split('-').map(Number) : null;
    var start = dated ? {datum: {year: ymd[0], month: ymd[1], date: ymd[2], utc: true}, type: xType, scale: timeScale}
      : {datum: t0, type: xType};
    var startRule = {mark: {type: 'rule', color: '#c0392b', strokeDash: [6, 4]}, encoding: {x: start}};
    var startText = {mark: {type: 'text', align: 'left', dx: 4, dy: -4, color: '#c0392b', fontSize: 11},
      encoding: {x: start, y: {value: 8}, text: {value: 'change starts'}}};
    var charts = [{
      title: unit + ' against its synthetic twin',
      caption: 'The blue line is what happened in ' + unit + '; the grey line is a weighted mix of comparable units that ' +
        'tracked it before the change — what would most likely have happened without it. The gap after the dashed red line is the effect.',
      spec: {width: 560, height: 240, data: {values: lines}, layer: [
        {mark: {type: 'line', strokeWidth: 2}, encoding: {
          x: {field: 'time', type: xType, title: 'time', axis: timeAxis, scale: timeScale},
          y: {field: 'value', type: 'quantitative', title: outcome, scale: {zero: false}},
          color: {field: 'series', type: 'nominal', title: null, legend: {orient: 'bottom', labelLimit: 400}, scale: {range: ['#3559b7', '#8a919e']}},
          tooltip: [{field: 'time'}, {field: 'series'}, {field: 'value', format: ',.3~f'}]}},
        startRule, startText]}
    }];
    var gapLayers = [];
    var placeboLines = result.placebo_gaps || null; // per donor gap series, when the result carries them
    if (placeboLines && placeboLines.length > 0) {
      var pv = [];
      placeboLines.forEach(function (p) {
        (p.gaps || []).forEach(function (g) { pv.push({unit: p.unit, time: g.time, gap: g.gap}); });
      });
      gapLayers.push({data: {values: pv}, mark: {type: 'line', color: '#b9bec7', strokeWidth: 0.8, opacity: 0.8},
        encoding: {x: {field: 'time', type: xType, scale: timeScale}, y: {field: 'gap', type: 'quantitative'}, detail: {field: 'unit'}}});
    }
    if (result.intervals && result.intervals.length > 0) {
      gapLayers.push({data: {values: result.intervals}, mark: {type: 'area', color: '#3559b7', opacity: 0.15},
        encoding: {x: {field: 'time', type: xType, scale: timeScale}, y: {field: 'low', type: 'quantitative'}, y2: {field: 'high'}}});
    }
    gapLayers.push(
      {mark: {type: 'rule', color: '#8a919e', strokeDash: [4, 3]}, encoding: {y: {datum: 0, type: 'quantitative'}}},
      {mark: {type: 'line', color: '#3559b7', strokeWidth: 2, point: {size: 14}}, encoding: {
        x: {field: 'time', type: xType, title: 'time', axis: timeAxis, scale: timeScale},
        y: {field: 'gap', type: 'quantitative', title: outcome + ': actual minus synthetic'},
        tooltip: [{field: 'time'}, {field: 'gap', title: 'gap', format: ',.3~f'}]}},
      startRule);
    charts.push({
      title: 'The gap: actual minus synthetic',
      caption: 'Before the change the gap should hover around zero (the twin is a good match); after it, the gap is the estimated effect at each time.' +
        (placeboLines ? ' Thin grey lines: the same analysis pretending each comparison unit had the change — if the blue line does not stand out from them, the effect may be chance.' : '') +
        (result.intervals ? ' The shaded band is the range the effect most likely lies in.' : ''),
      spec: {width: 560, height: 200, data: {values: gaps}, layer: gapLayers}
    });
    if (!placeboLines && result.placebos && result.placebos.length > 0) {
      var ratios = result.placebos.filter(function (p) { return p.ratio > 0; }).map(function (p) {
        return {unit: Ceteris.humanize(p.unit), ratio: p.ratio, who: p.unit === result.treated ? unit : 'comparison units'};
      });
      if (!result.placebos.some(function (p) { return p.unit === result.treated; }) && result.pre_rmspe > 0 && result.post_rmspe > 0) {
        ratios.push({unit: unit, ratio: Math.pow(result.post_rmspe / result.pre_rmspe, 2), who: unit});
      }
      charts.push({
        title: 'Does ' + unit + ' stand out? (placebo check)',
        caption: 'Each grey dot is a comparison unit analysed as if it had the change: how much bigger its gap was after than before. ' +
          unit + ' (blue) far to the right of the grey dots means its gap is unlikely to be chance.',
        spec: {width: 560, height: 80, data: {values: ratios}, mark: {type: 'point', filled: true, size: 70, opacity: 0.85},
          encoding: {x: {field: 'ratio', type: 'quantitative', title: 'gap after ÷ gap before (squared; log scale)', scale: {type: 'log'},
            axis: {tickCount: 6, labelOverlap: true}},
            y: {field: 'who', type: 'nominal', title: null},
            color: {field: 'who', type: 'nominal', legend: null, scale: {domain: [unit, 'comparison units'], range: ['#3559b7', '#8a919e']}},
            tooltip: [{field: 'unit'}, {field: 'ratio', format: ',.2f'}]}}
      });
    }
    return charts;
  },
  details: function (result) {
    var rows = Object.keys(result.weights || {}).map(function (k) { return [Ceteris.humanize(k), result.weights[k]]; })
      .filter(function (r) { return Math.abs(r[1]) >= 0.005; })
      .sort(function (a, b) { return b[1] - a[1]; })
      .map(function (r) { return [r[0], Ceteris.percent(r[1])]; });
    return Ceteris.el('div', null,
      Ceteris.el('p', {class: 'muted', text: 'The synthetic twin is made of these comparison units (weights of 0.5% or more):'}),
      Ceteris.table(['comparison unit', 'weight'], rows));
  }
});
