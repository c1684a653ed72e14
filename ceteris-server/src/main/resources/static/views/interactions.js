/* Interactions between overlapping experiments: a forest plot of each pair's interaction. */
Ceteris.views.register('interactions', {
  charts: function (result) {
    var rows = (result.pairs || []).filter(function (p) { return p.interaction !== null && p.se !== null; }).map(function (p) {
      return {
        pair: p.a + ': ' + p.arm_a + ' × ' + p.b + ': ' + p.arm_b,
        metric: Ceteris.humanize(p.metric),
        est: p.interaction, low: p.interaction - 1.96 * p.se, high: p.interaction + 1.96 * p.se,
        verdict: p.p_adjusted !== null && p.p_adjusted < 0.05 ? 'the two interact' : 'no clear interaction',
        when_control: p.effect_a_when_b_control, when_treated: p.effect_a_when_b_treated
      };
    });
    if (rows.length === 0) return [];
    return [{
      title: 'Do overlapping experiments change each other\'s effect?',
      caption: 'Each dot is how much the first experiment\'s effect changes when members also see the second experiment\'s variant; ' +
        'the line is the range that change most likely lies in (95%). On the dashed zero line the two experiments do not affect each other.',
      spec: {
        data: {values: rows},
        facet: {row: {field: 'metric', type: 'nominal', title: null, header: {labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelFontWeight: 'bold', labelOrient: 'top'}}},
        spec: {
          width: 520,
          layer: [
            {mark: {type: 'rule', strokeDash: [4, 3], color: '#8a919e'}, encoding: {x: {datum: 0, type: 'quantitative'}}},
            {mark: {type: 'rule', strokeWidth: 3}, encoding: {
              y: {field: 'pair', type: 'nominal', title: null, axis: {labelLimit: 420}},
              x: {field: 'low', type: 'quantitative', title: 'change in effect'}, x2: {field: 'high'},
              color: {field: 'verdict', type: 'nominal', title: null,
                scale: {domain: ['the two interact', 'no clear interaction'], range: ['#b7791f', '#8a919e']}}}},
            {mark: {type: 'point', filled: true, size: 80}, encoding: {
              y: {field: 'pair', type: 'nominal'}, x: {field: 'est', type: 'quantitative'}, color: {field: 'verdict', type: 'nominal'},
              tooltip: [{field: 'pair'}, {field: 'est', title: 'interaction', format: ',.3~f'},
                {field: 'when_control', title: 'effect when the other shows control', format: ',.3~f'},
                {field: 'when_treated', title: 'effect when the other shows its variant', format: ',.3~f'}]}}
          ]
        },
        resolve: {scale: {x: 'independent', y: 'independent'}}
      }
    }];
  },
  details: function (result) {
    return Ceteris.table(['experiments', 'metric', 'effect when the other shows control', 'effect when it shows its variant', 'difference'],
      (result.pairs || []).map(function (p) {
        return [p.a + ': ' + p.arm_a + ' × ' + p.b + ': ' + p.arm_b, Ceteris.humanize(p.metric),
          Ceteris.number(p.effect_a_when_b_control), Ceteris.number(p.effect_a_when_b_treated), Ceteris.number(p.interaction)];
      }));
  },
  explanations: {
    INTERACTION: 'Two experiments running on the same members change each other\'s effect: read one experiment\'s result separately for each variant of the other, or stop running them together.',
    NO_OVERLAP: 'These experiments share no members (for example they are kept apart on purpose), so whether they interact cannot be checked.'
  }
});
