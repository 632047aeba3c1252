// The arithmetic and the table of the scale benchmark: pure, so the figures mean the same everywhere.

/** The p-th percentile (nearest rank) of ascending `sorted`. */
export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (sorted) => percentile(sorted, 50);

/** A figure: what the product did, what raw PostgreSQL did, their ratio, and the target it is held to. */
export function figure({ name, product, raw = null, ratio = null, target, met = null, note = '' }) {
  return { name, product, raw, ratio, target, met, note };
}

const cell = (v) => (v === null || v === undefined || v === '' ? '—' : String(v));
const yes = (met) => (met === null || met === undefined ? '—' : met ? 'yes' : 'NO');

export const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
export const fmtMb = (bytes) => `${(bytes / 1048576).toFixed(0)} MB`;
export const fmtRatio = (r) => (r === null || !Number.isFinite(r) ? '—' : r.toFixed(2));

/** One line per figure: `figure | product | raw | ratio | target | met?`. */
export const line = (f) =>
  [f.name, cell(f.product), cell(f.raw), fmtRatio(f.ratio), cell(f.target), yes(f.met)].join(' | ') +
  (f.note ? `  (${f.note})` : '');

/** The figures as a markdown table under a heading with the date and the machine. */
export function markdown(figures, facts) {
  const rows = figures.map(
    (f) =>
      `| ${f.name} | ${cell(f.product)} | ${cell(f.raw)} | ${fmtRatio(f.ratio)} | ${cell(f.target)} | ${yes(f.met)}${f.note ? ` (${f.note})` : ''} |`,
  );
  return [
    `# bench:scale, ${facts.date}`,
    '',
    facts.lines.map((l) => `- ${l}`).join('\n'),
    '',
    '| figure | the product | raw PostgreSQL | ratio | target | met? |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
