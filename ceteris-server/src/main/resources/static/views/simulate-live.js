/* Live-loop view: each arm's share of the day's traffic, day by day, with the revisions of the assignment config
   marked — a demoted arm's line falls to zero the day after the look that dropped it. */
(function () {
  function pct(x) { return (100 * x).toFixed(0) + '%'; }

Ceteris.views.register('simulate-live', {
  charts: function (result) {
    var days = result.days || [];
    if (days.length === 0) return [];
    var rows = [];
    days.forEach(function (d) {
      Object.keys(d.share || {}).forEach(function (arm) {
        rows.push({day: d.day, arm: arm, share: d.share[arm], exposed: (d.exposed || {})[arm], status: (d.status || {})[arm]});
      });
    });
    var revisions = [];
    for (var i = 1; i < days.length; i++) {
      if (days[i].revision !== days[i - 1].revision) {
        var left = days[i - 1].demoted_today || [];
        revisions.push({day: days[i].day, label: 'rev ' + days[i].revision, why: left.length ? left.join(', ') + ' left' : 'config revised'});
      }
    }
    var x = {field: 'day', type: 'quantitative', title: 'day', axis: {tickMinStep: 1, format: 'd'}, scale: {domain: [1, days[days.length - 1].day]}};
    var layers = [
      {data: {values: rows}, mark: {type: 'line', point: {size: 18}, strokeWidth: 2, interpolate: 'step-after'}, encoding: {
        x: x, y: {field: 'share', type: 'quantitative', title: 'share of the day\u2019s members', axis: {format: '.0%'}, scale: {domain: [0, 1]}},
        color: {field: 'arm', type: 'nominal', title: 'arm', legend: {orient: 'bottom', columns: window.innerWidth < 600 ? 2 : 5, symbolType: 'stroke', symbolStrokeWidth: 3}},
        tooltip: [{field: 'arm'}, {field: 'day'}, {field: 'share', format: '.1%'}, {field: 'exposed', title: 'members', format: ','},
          {field: 'status'}]}}];
    if (revisions.length > 0) {
      layers.push(
        {data: {values: revisions}, mark: {type: 'rule', color: '#8a919e', strokeDash: [4, 3]}, encoding: {x: {field: 'day', type: 'quantitative'},
          tooltip: [{field: 'label', title: 'revision'}, {field: 'why', title: 'change'}, {field: 'day'}]}},
        {data: {values: revisions}, mark: {type: 'text', align: 'left', baseline: 'top', dx: 3, dy: 2, fontSize: 10, color: '#5b6270'},
          encoding: {x: {field: 'day', type: 'quantitative'}, y: {value: 0}, text: {field: 'label'}}});
    }
    return [{
      title: 'Who got which artwork, day by day',
      lead: (result.demoted || []).length ? 'Dropped along the way: ' + result.demoted.join(', ') + '.' : 'No arm was dropped.',
      caption: 'Each line is an arm\u2019s share of the members who arrived that day, assigned through the assignment config in force. ' +
        'A dashed line marks a new revision of the config: the arms dropped by the previous day\u2019s look leave the experiment, ' +
        'and every other member keeps the arm they had.',
      spec: {width: Math.max(200, Math.min(560, window.innerWidth - 175)), height: 220, layer: layers}
    }];
  },
  details: function (result) {
    var days = result.days || [];
    var last = days.length ? days[days.length - 1] : {status: {}, share: {}};
    var totals = {};
    var dropped = {};
    days.forEach(function (d) {
      Object.keys(d.exposed || {}).forEach(function (a) { totals[a] = (totals[a] || 0) + d.exposed[a]; });
      (d.demoted_today || []).forEach(function (a) { dropped[a] = d.day; });
    });
    var rows = Object.keys(last.status || {}).map(function (a) {
      return [a, last.status[a], dropped[a] ? 'day ' + dropped[a] : '', (totals[a] || 0).toLocaleString('en-US'), pct(last.share[a] || 0)];
    });
    var gain = result.plays_loop - result.plays_fixed;
    return Ceteris.el('div', null,
      Ceteris.table(['arm', 'status at the end', 'dropped at the look of', 'members over all days', 'share on the last day'], rows),
      Ceteris.el('p', {class: 'muted', text: 'Plays under the loop: ' + result.plays_loop.toLocaleString('en-US') + '; under a fixed split of the same ' +
        'members: ' + result.plays_fixed.toLocaleString('en-US') + ' (' + (gain >= 0 ? '+' : '\u2212') + Math.abs(gain).toLocaleString('en-US') + ').'}));
  }
});
})();
