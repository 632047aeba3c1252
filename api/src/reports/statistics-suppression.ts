/** What a published statistics cell counts. */
export interface StatisticsFigures {
  grants: number;
  /** distinct cases: the people behind the grants */
  candidates: number;
  granted: bigint;
  paid: bigint;
}

/** A published total and the published figures (by index) that add up to it. */
export interface Equation {
  total: number;
  parts: number[];
}

/** Fewer distinct candidates than this in a figure, and it is not published. */
export const SMALL_CELL = 5;

const smaller = (a: StatisticsFigures, b: StatisticsFigures): number =>
  a.candidates - b.candidates || a.grants - b.grants || (a.granted < b.granted ? -1 : a.granted > b.granted ? 1 : 0);

/**
 * Which figures to withhold so that none can point to a person.
 *
 * Primary: every figure of 1 to `threshold − 1` distinct candidates (zero is
 * published: it points to nobody). Secondary: a figure hidden alone in an
 * equation (a total and its parts) could be worked out by subtraction, so
 * wherever exactly one member of an equation is hidden, the smallest other
 * non-zero part is hidden too — or, when the other parts are all zero or
 * hidden already, the total. Repeated until no equation has exactly one
 * hidden member, because each new suppression may leave another equation
 * with one. Which figures were hidden for which reason is not told: a
 * secondary one would otherwise be known to be 5 or more.
 */
export function suppress(figures: StatisticsFigures[], equations: Equation[], threshold = SMALL_CELL): boolean[] {
  const hidden = figures.map((f) => f.candidates > 0 && f.candidates < threshold);
  for (let changed = true; changed;) {
    changed = false;
    for (const { total, parts } of equations) {
      const members = [total, ...parts];
      if (members.filter((i) => hidden[i]).length !== 1) continue;
      const candidates = parts.filter((i) => !hidden[i] && figures[i].grants > 0);
      const pick = candidates.length
        ? candidates.reduce((best, i) => (smaller(figures[i], figures[best]) < 0 ? i : best))
        : hidden[total]
          ? parts.find((i) => !hidden[i])
          : total;
      if (pick === undefined) continue;
      hidden[pick] = true;
      changed = true;
    }
  }
  return hidden;
}

export type Dimension = 'unit' | 'category' | 'quarter';
/** A cell has every dimension, a margin one, the overall total none. */
export type StatisticsKey = Partial<Record<Dimension, string>>;

export interface StatisticsEntry {
  key: StatisticsKey;
  figures: StatisticsFigures;
}

export const keyOf = (key: StatisticsKey): string =>
  (['unit', 'category', 'quarter'] as const).map((d) => key[d] ?? '*').join('|');

/**
 * The published table of some dimensions: every cell of their values (zeros
 * included, so the table is complete), the total of each value of each
 * dimension, and the overall total — and the equations that tie them:
 * each margin is the sum of its cells, the overall total the sum of each
 * dimension's margins.
 */
export function statisticsTable(
  dimensions: { dimension: Dimension; values: string[] }[],
  figuresOf: (key: StatisticsKey) => StatisticsFigures,
): { entries: StatisticsEntry[]; equations: Equation[] } {
  const cells = dimensions.reduce<StatisticsKey[]>(
    (keys, { dimension, values }) => keys.flatMap((k) => values.map((v) => ({ ...k, [dimension]: v }))),
    [{}],
  );
  const margins = dimensions.flatMap(({ dimension, values }) => values.map((v): StatisticsKey => ({ [dimension]: v })));
  const keys = [...cells, ...margins, {}];
  const entries = keys.map((key) => ({ key, figures: figuresOf(key) }));
  const overall = keys.length - 1;
  const equations: Equation[] = [];
  for (const { dimension, values } of dimensions) {
    const marginIndex = values.map((v) => cells.length + margins.findIndex((m) => m[dimension] === v));
    values.forEach((v, j) => {
      const parts = cells.flatMap((c, i) => (c[dimension] === v ? [i] : []));
      equations.push({ total: marginIndex[j], parts });
    });
    equations.push({ total: overall, parts: marginIndex });
  }
  return { entries, equations };
}
