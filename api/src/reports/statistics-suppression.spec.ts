import fc from 'fast-check';
import {
  type Equation,
  type StatisticsFigures,
  type StatisticsKey,
  keyOf,
  statisticsTable,
  suppress,
} from './statistics-suppression.js';

const f = (candidates: number, granted = candidates * 1000): StatisticsFigures => ({
  grants: candidates,
  candidates,
  granted: BigInt(granted),
  paid: 0n,
});

/** A row of parts and its total: [parts..., total]. */
const row = (...parts: StatisticsFigures[]) => {
  const total = parts.reduce((t, p) => f(t.candidates + p.candidates, Number(t.granted + p.granted)), f(0));
  const figures = [...parts, total];
  return { figures, equations: [{ total: parts.length, parts: parts.map((_, i) => i) }] as Equation[] };
};

describe(suppress.name, () => {
  it('hides a figure of 1 to 4 candidates, and publishes 0 and 5', () => {
    const figures = [f(0), f(1), f(4), f(5)];
    expect(suppress(figures, [])).toEqual([false, true, true, false]);
  });

  it('hides the next smallest part too when one part of a total is hidden alone', () => {
    const { figures, equations } = row(f(3), f(20), f(6), f(9));
    expect(suppress(figures, equations)).toEqual([true, false, true, false, false]);
  });

  it('passes over zero parts and hides the total when no other part could hide the small one', () => {
    const { figures, equations } = row(f(3), f(0), f(0));
    // the total is 3 candidates itself: hidden on its own account
    expect(suppress(figures, equations)).toEqual([true, false, false, true]);
    const uneven = { figures: [f(3), f(0), f(7, 9000)], equations: [{ total: 2, parts: [0, 1] }] };
    expect(suppress(uneven.figures, uneven.equations)).toEqual([true, false, true]);
  });

  it('leaves a total with two hidden parts alone', () => {
    const { figures, equations } = row(f(2), f(3), f(50));
    expect(suppress(figures, equations)).toEqual([true, true, false, false]);
  });

  it('follows a suppression on into the equations it touches', () => {
    // cells a b / c d with row and column totals; a is small
    const t = statisticsTable(
      [
        { dimension: 'category', values: ['x', 'y'] },
        { dimension: 'quarter', values: ['Q1', 'Q2'] },
      ],
      (key) => {
        const counts: Record<string, number> = { 'x|Q1': 2, 'x|Q2': 30, 'y|Q1': 40, 'y|Q2': 50 };
        const n = Object.entries(counts)
          .filter(([k]) => {
            const [c, q] = k.split('|');
            return (!key.category || key.category === c) && (!key.quarter || key.quarter === q);
          })
          .reduce((s, [, v]) => s + v, 0);
        return f(n);
      },
    );
    const hidden = suppress(
      t.entries.map((e) => e.figures),
      t.equations,
    );
    const hiddenKeys = t.entries.filter((_, i) => hidden[i]).map((e) => keyOf(e.key));
    // a small; its row and its column each need a second: b and c; then d completes the rectangle
    expect(hiddenKeys.sort()).toEqual(['*|x|Q1', '*|x|Q2', '*|y|Q1', '*|y|Q2'].sort());
  });
});

describe(statisticsTable.name, () => {
  it('lists every cell, the margins of each dimension and the overall total, tied by equations', () => {
    const { entries, equations } = statisticsTable(
      [
        { dimension: 'category', values: ['a', 'b', 'c'] },
        { dimension: 'quarter', values: ['Q1', 'Q2'] },
      ],
      () => f(0),
    );
    expect(entries).toHaveLength(6 + 3 + 2 + 1);
    expect(equations).toHaveLength(3 + 1 + 2 + 1);
    const byKey = (k: StatisticsKey) => entries.findIndex((e) => keyOf(e.key) === keyOf(k));
    expect(equations).toContainEqual({
      total: byKey({ category: 'b' }),
      parts: [byKey({ category: 'b', quarter: 'Q1' }), byKey({ category: 'b', quarter: 'Q2' })],
    });
    expect(equations).toContainEqual({ total: byKey({}), parts: [byKey({ quarter: 'Q1' }), byKey({ quarter: 'Q2' })] });
  });

  it('never leaves a published total with exactly one hidden figure in it, and hides every small figure', () => {
    const dims = ['unit', 'category', 'quarter'] as const;
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 3 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(fc.integer({ min: 1, max: 4 }), { minLength: n, maxLength: n }),
              fc.array(fc.nat({ max: 12 }), { minLength: 64, maxLength: 64 }),
            ),
          ),
        ([n, sizes, counts]) => {
          const dimensions = dims.slice(0, n).map((dimension, d) => ({
            dimension,
            values: Array.from({ length: sizes[d] }, (_, i) => `${dimension}${i}`),
          }));
          // each cell's candidates are its own people, so margins add up
          const cellCount = (key: StatisticsKey) => {
            const idx = dimensions.reduce((acc, { dimension, values }) => acc * 5 + values.indexOf(key[dimension]!), 0);
            return counts[idx % counts.length];
          };
          const cells = dimensions.reduce<StatisticsKey[]>(
            (keys, { dimension, values }) => keys.flatMap((k) => values.map((v) => ({ ...k, [dimension]: v }))),
            [{}],
          );
          const { entries, equations } = statisticsTable(dimensions, (key) =>
            f(
              cells
                .filter((c) => dimensions.every(({ dimension }) => !key[dimension] || key[dimension] === c[dimension]))
                .reduce((s, c) => s + cellCount(c), 0),
            ),
          );
          const hidden = suppress(
            entries.map((e) => e.figures),
            equations,
          );
          entries.forEach((e, i) => {
            if (e.figures.candidates > 0 && e.figures.candidates < 5) expect(hidden[i]).toBe(true);
            if (e.figures.candidates === 0) expect(hidden[i]).toBe(false);
          });
          for (const { total, parts } of equations) {
            expect([total, ...parts].filter((i) => hidden[i]).length).not.toBe(1);
          }
        },
      ),
    );
  });
});
