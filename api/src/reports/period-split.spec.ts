import fc from 'fast-check';
import { splitPeriod } from './period-split.js';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const START = Date.UTC(2027, 10, 1);

describe(splitPeriod.name, () => {
  it('reads whole months from the summary and the days that cut a month from the postings', () => {
    expect(splitPeriod('2028-01-01', '2028-03-31')).toEqual({
      months: { first: '2028-01-01', end: '2028-04-01' },
      edges: [],
    });
    expect(splitPeriod('2028-01-15', '2028-03-10')).toEqual({
      months: { first: '2028-02-01', end: '2028-03-01' },
      edges: [
        ['2028-01-15', '2028-02-01'],
        ['2028-03-01', '2028-03-11'],
      ],
    });
    expect(splitPeriod('2028-01-31', undefined)).toEqual({
      months: { first: '2028-02-01', end: null },
      edges: [['2028-01-31', '2028-02-01']],
    });
    expect(splitPeriod(undefined, '2028-02-29')).toEqual({ months: { first: null, end: '2028-03-01' }, edges: [] });
    expect(splitPeriod(undefined, undefined)).toEqual({ months: { first: null, end: null }, edges: [] });
    // no whole month: the postings of the period alone
    expect(splitPeriod('2028-02-10', '2028-03-05')).toEqual({ months: null, edges: [['2028-02-10', '2028-03-06']] });
    expect(splitPeriod('2028-12-31', '2028-12-31')).toEqual({ months: null, edges: [['2028-12-31', '2029-01-01']] });
  });

  it('covers every day of the period once and no other day', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((d) => iso(START + d * DAY));
    fc.assert(
      fc.property(fc.option(day, { nil: undefined }), fc.option(day, { nil: undefined }), (a, b) => {
        const [from, to] = a && b && a > b ? [b, a] : [a, b];
        const { months, edges } = splitPeriod(from, to);
        for (const [lo, hi] of edges) expect(lo < hi).toBe(true);
        if (months?.first) expect(months.first.endsWith('-01')).toBe(true);
        if (months?.end) expect(months.end.endsWith('-01')).toBe(true);
        const wrong: string[] = [];
        for (let d = -40; d <= 840; d++) {
          const x = iso(START + d * DAY);
          const month = `${x.slice(0, 8)}01`;
          const inMonths =
            months !== null &&
            (months.first === null || month >= months.first) &&
            (months.end === null || month < months.end);
          const inEdges = edges.filter(([lo, hi]) => x >= lo && x < hi).length;
          const inPeriod = (from === undefined || x >= from) && (to === undefined || x <= to);
          if (Number(inMonths) + inEdges !== Number(inPeriod)) wrong.push(x);
        }
        expect(wrong).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
