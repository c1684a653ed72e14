/* Synthetic-control view. One treated unit: actual vs synthetic over time, the gap, the treatment time marked,
   placebos in grey. Several (a heterogeneity result): each unit's effect in the outcome's unit and in percent,
   the effect against the trait, and the ranked candidates with their predicted effect and range. */
(function () {
  /* a chart's width: at most 560 px, narrower on a phone so that the whole chart shows without scrolling */
  function fit(labels) { return Math.max(120, Math.min(560, window.innerWidth - 100 - labels)); }
  /* a coverage as people say it: 0.9 → "90%" */
  function levelOf(x) { return +(100 * x).toFixed(1) + '%'; }
  function signedPct(x) { return x === null || x === undefined ? 'n/a' : Ceteris.signed(Ceteris.percent(x), x); }
  function signedNum(x) { return Ceteris.signed(Ceteris.number(x), x); }
  function outcomeOf(study) { return study && study.spec && study.spec.outcome ? Ceteris.humanize(study.spec.outcome) : 'outcome'; }

  function single(result, study) {
    var outcome = outcomeOf(study);
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
  }

  function weights(result) {
    var rows = Object.keys(result.weights || {}).map(function (k) { return [Ceteris.humanize(k), result.weights[k]]; })
      .filter(function (r) { return Math.abs(r[1]) >= 0.005; })
      .sort(function (a, b) { return b[1] - a[1]; })
      .map(function (r) { return [r[0], Ceteris.percent(r[1])]; });
    return Ceteris.el('div', null,
      Ceteris.el('p', {class: 'muted', text: 'The synthetic twin is made of these comparison units (weights of 0.5% or more):'}),
      Ceteris.table(['comparison unit', 'weight'], rows));
  }

  /* Several treated units: the effect in each (percent bars labelled with both units), the effect against the
     trait with the model's line and prediction band (one trait), and the best candidates' predicted effects. */
  function several(result, study) {
    var outcome = outcomeOf(study);
    var effects = (result.effects || []).filter(function (e) { return e.relative_att !== null && e.relative_att !== undefined; });
    if (effects.length === 0) return [];
    var rows = effects.map(function (e) {
      // on a phone the bar's label is the percent alone; the table below has both
      return {unit: Ceteris.humanize(e.treated), pct: e.relative_att, att: e.att,
        label: signedPct(e.relative_att) + (window.innerWidth < 600 ? '' : ' (' + signedNum(e.att) + ')')};
    });
    var top = Math.max.apply(null, rows.map(function (r) { return r.pct; }).concat([0]));
    var bottom = Math.min.apply(null, rows.map(function (r) { return r.pct; }).concat([0]));
    var y = {field: 'unit', type: 'nominal', title: null, sort: {field: 'pct', order: 'descending'}};
    var w = fit(window.innerWidth < 600 ? 140 : 110);
    var room = Math.max(1.5, w / Math.max(w - (window.innerWidth < 600 ? 50 : 95), 30)); // the axis beyond the longest bar holds its label
    var charts = [{
      title: 'The effect in each treated unit',
      caption: 'Each bar is a unit\u2019s effect in percent of its synthetic twin (what it would most likely have had without the change), ' +
        'averaged over the periods from ' + result.treatment_time + ' on' +
        (window.innerWidth < 600 ? '; the table below gives it also in ' + outcome + ' per period.' : '; in brackets the same effect in ' + outcome + ' per period.'),
      // room beyond the longest bar for its label ("+21.9% (+10.7)", about 85 px): more of the axis on a phone
      spec: {width: w, height: 26 * rows.length, data: {values: rows}, layer: [
        {mark: {type: 'bar', color: '#3559b7', height: 16}, encoding: {y: y,
          x: {field: 'pct', type: 'quantitative', title: 'effect, % of the synthetic twin', axis: {format: '+.0%', tickCount: 5, labelOverlap: true, labelFlush: true},
            scale: {domain: [Math.min(0, bottom * room), top * room]}},
          tooltip: [{field: 'unit'}, {field: 'pct', title: 'effect %', format: '+.1%'}, {field: 'att', title: 'effect in ' + outcome, format: '+,.3~f'}]}},
        {mark: {type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#333'}, encoding: {y: y,
          x: {field: 'pct', type: 'quantitative'}, text: {field: 'label'}}}]}
    }];
    var model = result.trait_model;
    if (!model || !model.fitted || model.candidates.length === 0) return charts;
    var level = levelOf(model.level);
    if (model.traits.length === 1) {
      var trait = model.traits[0];
      var band = model.candidates.map(function (c) {
        return {x: c.traits[trait], predicted: c.predicted, low: c.low, high: c.high, unit: Ceteris.humanize(c.unit)};
      }).sort(function (a, b) { return a.x - b.x; });
      var treated = (result.effects || []).map(function (e) {
        return {x: e.traits[trait], att: e.att, unit: Ceteris.humanize(e.treated)};
      });
      var x = {field: 'x', type: 'quantitative', title: Ceteris.humanize(trait), scale: {zero: false}, axis: {tickCount: 5, labelOverlap: true}};
      var slope = model.coefficients[1];
      charts.push({
        title: 'Does the effect grow with ' + Ceteris.humanize(trait) + '?',
        lead: (slope.low > 0 || slope.high < 0 ? 'Yes: ' : 'Not clearly: ') + signedNum(slope.estimate) + ' ' + outcome + ' per unit of ' +
          Ceteris.humanize(trait) + ' (' + level + ' interval ' + signedNum(slope.low) + ' to ' + signedNum(slope.high) + ').',
        leadClass: slope.low > 0 || slope.high < 0 ? 'good' : 'warn',
        caption: 'Blue dots: the treated units\u2019 effects in ' + outcome + ' per period. The line is the model fitted to them ' +
          '(each unit weighted by how precisely its effect is measured); the band is the ' + level + ' range of the effect it predicts ' +
          'in a unit not yet treated, and grey circles are those units.',
        spec: {width: fit(60), height: 220, layer: [
          {data: {values: band}, mark: {type: 'area', color: '#3559b7', opacity: 0.12}, encoding: {x: x,
            y: {field: 'low', type: 'quantitative', title: 'effect in ' + outcome, scale: {zero: false}}, y2: {field: 'high'}}},
          {data: {values: band}, mark: {type: 'line', color: '#3559b7', strokeDash: [5, 3]}, encoding: {x: x, y: {field: 'predicted', type: 'quantitative'}}},
          {data: {values: band}, mark: {type: 'point', filled: false, size: 30, strokeWidth: 1, color: '#5b6270'}, encoding: {x: x,
            y: {field: 'predicted', type: 'quantitative'},
            tooltip: [{field: 'unit'}, {field: 'x', title: Ceteris.humanize(trait)}, {field: 'predicted', format: '+,.3~f'},
              {field: 'low', title: 'from', format: '+,.3~f'}, {field: 'high', title: 'to', format: '+,.3~f'}]}},
          {data: {values: treated}, mark: {type: 'point', filled: true, size: 80, color: '#3559b7', opacity: 1}, encoding: {x: x,
            y: {field: 'att', type: 'quantitative'}, tooltip: [{field: 'unit'}, {field: 'x', title: Ceteris.humanize(trait)}, {field: 'att', format: '+,.3~f'}]}}]}
      });
    }
    var best = model.candidates.slice(0, 12).map(function (c) {
      return {unit: Ceteris.humanize(c.unit), rank: c.rank, predicted: c.predicted, low: c.low, high: c.high};
    });
    var first = best[0];
    var yc = {field: 'unit', type: 'nominal', title: null, sort: {field: 'rank'}};
    var layers = [];
    if (best.some(function (c) { return c.low <= 0; })) {
      // a range that reaches zero: the line shows where "no effect" is
      layers.push({mark: {type: 'rule', color: '#8a919e', strokeDash: [4, 3]}, encoding: {x: {datum: 0, type: 'quantitative'}}});
    }
    charts.push({
      title: 'Where next: the ' + best.length + ' best candidate' + (best.length === 1 ? '' : 's') + ', best first',
      lead: 'Best candidate: ' + first.unit + ', predicted ' + signedNum(first.predicted) + ' ' + outcome + ' per period (' + level +
        ' range ' + signedNum(first.low) + ' to ' + signedNum(first.high) + ').',
      leadClass: first.low > 0 ? 'good' : 'warn',
      caption: 'Each dot is the effect the model predicts for a unit not yet treated, from its traits; the bar is its ' + level +
        ' range, which includes how much units differ for reasons the traits do not capture. A range that reaches zero means a test there could find nothing.',
      spec: {width: fit(120), height: 22 * best.length, data: {values: best}, layer: layers.concat([
        {mark: {type: 'rule', color: '#3559b7', strokeWidth: 2, opacity: 0.5}, encoding: {y: yc,
          x: {field: 'low', type: 'quantitative', title: 'predicted effect (' + level + ' range)', scale: {zero: false},
            axis: {tickCount: 5, labelOverlap: true}},
          x2: {field: 'high'}}},
        {mark: {type: 'point', filled: true, size: 60, color: '#3559b7', opacity: 1}, encoding: {y: yc, x: {field: 'predicted', type: 'quantitative'},
          tooltip: [{field: 'unit'}, {field: 'predicted', format: '+,.3~f'}, {field: 'low', title: 'from', format: '+,.3~f'},
            {field: 'high', title: 'to', format: '+,.3~f'}]}}])}
    });
    return charts;
  }

  /* a table with an id, for links and tests */
  function named(id, table) { table.id = id; return table; }

  function severalDetails(result, study) {
    var outcome = outcomeOf(study);
    var traits = result.traits || [];
    var box = Ceteris.el('div', null,
      Ceteris.el('p', {class: 'muted', text: 'The effect in each treated unit against its synthetic twin (fit error: how far the twin missed ' +
        'the unit before the change; placebo p: the share of comparison units with as large a jump, when the placebo check ran):'}),
      named('effects', Ceteris.table(['treated unit', 'effect in ' + outcome, 'effect %'].concat(traits.map(Ceteris.humanize)).concat(['fit error', 'placebo p']),
        (result.effects || []).map(function (e) {
          return [Ceteris.humanize(e.treated), signedNum(e.att), signedPct(e.relative_att)]
            .concat(traits.map(function (t) { return Ceteris.number(e.traits[t]); }))
            .concat([Ceteris.number(e.pre_rmspe), e.p_value === null || e.p_value === undefined ? 'not run' : Ceteris.number(e.p_value)]);
        }))));
    var model = result.trait_model;
    if (!model) return box;
    if (!model.fitted) {
      box.appendChild(Ceteris.el('p', {class: 'muted', id: 'trait-model', text: model.sentence}));
      return box;
    }
    var level = levelOf(model.level);
    box.appendChild(Ceteris.el('p', {id: 'trait-model', text: model.sentence}));
    box.appendChild(Ceteris.el('p', {class: 'muted', text: 'How the effect changes with each trait (' + level +
      ' intervals; the first row is the effect where every trait is zero):'}));
    box.appendChild(named('coefficients', Ceteris.table(['trait', 'change in the effect per unit', level + ' interval', 'p'], model.coefficients.map(function (c) {
      return [c.term === 'intercept' ? 'baseline' : Ceteris.humanize(c.term), signedNum(c.estimate),
        signedNum(c.low) + ' to ' + signedNum(c.high), Ceteris.number(c.p_value)];
    }))));
    box.appendChild(Ceteris.el('p', {class: 'muted', text: 'Every candidate, best first:'}));
    box.appendChild(named('candidates', Ceteris.table(['rank', 'unit', 'predicted effect', level + ' range'].concat(traits.map(Ceteris.humanize)),
      model.candidates.map(function (c) {
        return [c.rank, Ceteris.humanize(c.unit), signedNum(c.predicted), signedNum(c.low) + ' to ' + signedNum(c.high)]
          .concat(traits.map(function (t) { return Ceteris.number(c.traits[t]); }));
      }))));
    return box;
  }

  function isSeveral(result) { return Array.isArray(result.effects); }

  Ceteris.views.register('synth', {
    charts: function (result, study) { return isSeveral(result) ? several(result, study) : single(result, study); },
    details: function (result, study) { return isSeveral(result) ? severalDetails(result, study) : weights(result); }
  });
})();
