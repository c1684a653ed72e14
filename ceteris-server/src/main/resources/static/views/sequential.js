/* Sequential-test view: each arm's running interval against control, look by look, demotions and the winner marked. */
Ceteris.views.register('sequential', {
  charts: function (result) {
    var rows = [];
    (result.looks || []).forEach(function (l) {
      (l.arms || []).forEach(function (a) {
        if (a.estimate === null || a.ci_low === null || a.ci_high === null) return;
        rows.push({look: l.look, time: l.time, variant: a.variant, est: a.estimate, low: a.ci_low, high: a.ci_high, status: a.status});
      });
    });
    if (rows.length === 0) return [];
    var marks = [];
    var decision = result.decision || {demoted: []};
    (decision.demoted || []).forEach(function (d) {
      var at = rows.filter(function (r) { return r.variant === d.variant && r.look === d.look; })[0];
      marks.push({look: d.look, variant: d.variant, est: at ? at.est : 0, what: 'dropped', why: d.reason});
    });
    if (decision.winner) {
      var w = rows.filter(function (r) { return r.variant === decision.winner && r.look === decision.look; })[0];
      if (w) marks.push({look: decision.look, variant: decision.winner, est: w.est, what: 'winner', why: 'clearly better than control'});
    }
    var x = {field: 'look', type: 'quantitative', title: 'look (each time the data was checked)', axis: {tickMinStep: 1, format: 'd'}};
    var color = {field: 'variant', type: 'nominal', title: 'variant vs control', legend: {symbolOpacity: 1, symbolType: 'stroke', symbolStrokeWidth: 3}};
    var layers = [
      {mark: {type: 'rule', color: '#8a919e', strokeDash: [4, 3]}, encoding: {y: {datum: 0, type: 'quantitative'}}},
      {mark: {type: 'area', opacity: 0.12}, encoding: {x: x, y: {field: 'low', type: 'quantitative', title: 'difference from control'},
        y2: {field: 'high'}, color: color}},
      {mark: {type: 'line', point: {size: 30}}, encoding: {x: x, y: {field: 'est', type: 'quantitative'}, color: color,
        tooltip: [{field: 'variant'}, {field: 'look'}, {field: 'time'}, {field: 'est', title: 'difference', format: ',.4~f'},
          {field: 'low', title: 'likely from', format: ',.4~f'}, {field: 'high', title: 'likely to', format: ',.4~f'}]}}];
    if (marks.length > 0) {
      layers.push({data: {values: marks}, mark: {type: 'point', size: 220, strokeWidth: 2.5, filled: false},
        encoding: {x: {field: 'look', type: 'quantitative'}, y: {field: 'est', type: 'quantitative'},
          shape: {field: 'what', type: 'nominal', title: null, scale: {domain: ['dropped', 'winner'], range: ['cross', 'diamond']}},
          color: {value: '#222'}, tooltip: [{field: 'variant'}, {field: 'what'}, {field: 'look'}, {field: 'why', title: 'why'}]}});
    }
    return [{
      title: 'Each variant against control, look by look',
      caption: 'The line is the estimated difference from control each time the data was checked; the shaded band is the range it most likely lies in, ' +
        'valid no matter how often we look. A band entirely above or below the dashed zero line is a clear result. ' +
        'A cross marks a variant dropped from the test at that look; a diamond the winner.',
      spec: {width: 560, height: 240, data: {values: rows}, layer: layers}
    }];
  },
  details: function (result) {
    var d = result.decision || {};
    var rows = (d.demoted || []).map(function (x) { return [x.variant, 'look ' + x.look + (x.time ? ' (' + x.time + ')' : ''), x.reason]; });
    var box = Ceteris.el('div', null, Ceteris.el('p', {class: 'muted', text: d.status === 'winner' ? 'Winner: ' + d.winner + ' at look ' + d.look + '.'
      : d.status === 'no_difference' ? 'The planned sample was reached without a clear winner.' : 'No decision yet: keep collecting data.'}));
    if (rows.length > 0) box.appendChild(Ceteris.table(['dropped variant', 'when', 'why'], rows));
    return box;
  }
});
