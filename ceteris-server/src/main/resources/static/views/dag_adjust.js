/* Causal-diagram view: the DAG drawn with Graphviz (viz.js, vendored), exposure, outcome and the adjustment set highlighted. */
(function () {
  'use strict';
  var loading = null;
  var instance = null;

  /** Loads vendor/viz-global.js once (a report inlines it, then window.Viz is already there). */
  function viz() {
    if (instance) return instance;
    if (window.Viz) {
      instance = window.Viz.instance();
      return instance;
    }
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = 'vendor/viz-global.js';
        s.onload = function () { resolve(); };
        s.onerror = function () { reject(new Error('the diagram library (vendor/viz-global.js) did not load')); };
        document.head.appendChild(s);
      });
    }
    instance = loading.then(function () { return window.Viz.instance(); });
    return instance;
  }

  function smallest(sets) {
    var best = null;
    (sets || []).forEach(function (s) { if (best === null || s.length < best.length) best = s; });
    return best;
  }

  function names(list) {
    var h = list.map(Ceteris.humanize);
    return h.length <= 1 ? h.join('') : h.slice(0, -1).join(', ') + ' and ' + h[h.length - 1];
  }

  /** The one-sentence answer shown above the diagram, and its colour. */
  function verdict(result) {
    var x = Ceteris.humanize(result.exposure);
    var y = Ceteris.humanize(result.outcome);
    var set = smallest(result.minimal_sets);
    if (!result.identifiable || set === null) {
      var also = (result.frontdoor_sets || []).length > 0 ? ' A path through a go-between (front-door) could still work; see the data checks.'
        : (result.instruments || []).length > 0 ? ' An instrument could still help; see the data checks.' : '';
      return {cls: 'bad', text: 'Not identifiable: by this diagram, no choice of measured variables removes the hidden influences on both ' +
        x + ' and ' + y + ', so comparing groups cannot give the effect.' + also};
    }
    if (set.length === 0) {
      return {cls: 'good', text: 'No adjustment needed: by this diagram, nothing else drives both ' + x + ' and ' + y +
        ', so a plain comparison of the groups gives the effect.'};
    }
    return {cls: 'warn', text: 'Adjust for ' + names(set) + ' (highlighted): comparing like with like on ' +
      (set.length === 1 ? 'it' : 'these') + ' removes the other routes between ' + x + ' and ' + y + '.'};
  }

  Ceteris.views.register('dag_adjust', {
    charts: function (result, study) {
      var v = verdict(result);
      var item = {title: 'The causal diagram', lead: v.text, leadClass: v.cls,
        caption: 'Arrows point from cause to effect. Green: the thing whose effect we want (' + Ceteris.humanize(result.exposure) +
          '); blue: the result it may change (' + Ceteris.humanize(result.outcome) + '); amber boxes: what to adjust for; ' +
          'dashed grey: not measured.'};
      if (!study || !study.dot) {
        item.render = function (box) {
          box.appendChild(Ceteris.el('p', {class: 'muted', text: 'The diagram of this run is not available; the sets are listed below.'}));
        };
        item.caption = '';
        return [item];
      }
      item.render = function (box) {
        box.classList.add('dag-svg');
        return viz().then(function (instance) {
          var svg = instance.renderSVGElement(study.dot);
          svg.setAttribute('role', 'img');
          svg.setAttribute('aria-label', 'causal diagram of ' + result.exposure + ' and ' + result.outcome);
          box.appendChild(svg);
        });
      };
      return [item];
    },
    details: function (result) {
      var rows = [];
      (result.minimal_sets || []).forEach(function (s) { rows.push(['adjust for', s.length === 0 ? '(nothing)' : names(s)]); });
      (result.frontdoor_sets || []).forEach(function (s) { rows.push(['go-between (front-door)', names(s)]); });
      (result.instruments || []).forEach(function (i) {
        rows.push(['instrument', Ceteris.humanize(i.instrument) + (i.given && i.given.length > 0 ? ' (given ' + names(i.given) + ')' : '')]);
      });
      if (rows.length === 0) rows.push(['adjust for', 'no set of measured variables works']);
      return Ceteris.table(['option', 'variables'], rows);
    },
    explanations: {
      DAG_NOT_IDENTIFIABLE: 'Something that is not measured drives both the cause and the result; no adjustment on the measured variables removes it.',
      DAG_FRONTDOOR_ONLY: 'Only a route through a measured go-between can give the effect; this needs its own analysis.',
      DAG_NO_CAUSAL_PATH: 'By the diagram, the cause cannot change the result at all: the effect is zero by assumption.',
      DAG_ADJUSTED_FORBIDDEN: 'A variable the diagram marks as adjusted lies on the way from cause to result (or is caused by both); adjusting for it distorts the effect.',
      DAG_SETS_TRUNCATED: 'There are very many valid sets; only the first ones are listed.'
    }
  });
})();
