/** The precompressed encodings the admin UI's files come in (see admin/precompress.ts), best first. */
export const PRECOMPRESSED = [
  { encoding: 'br', extension: '.br' },
  { encoding: 'gzip', extension: '.gz' },
] as const;

export type Precompressed = (typeof PRECOMPRESSED)[number];

/**
 * The encoding to send of those offered, by the request's Accept-Encoding (RFC 9110 §12.5.3):
 * the highest q-value wins, `br` before `gzip` at equal weight; `q=0` refuses one, `*` stands for
 * those not named. Null: send the file as it is.
 */
export function chooseEncoding(
  acceptEncoding: string | undefined,
  offered: readonly Precompressed[] = PRECOMPRESSED,
): Precompressed | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [rawName, ...params] = part.toLowerCase().split(';');
    const name = rawName.trim();
    if (!name) continue;
    // a q-value that is not a number refuses the coding rather than guessing
    const q = params.map((p) => p.trim()).find((p) => /^q\s*=/.test(p));
    const weight = q === undefined ? 1 : /^q\s*=\s*(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(q) ? Number(q.split('=')[1]) : 0;
    weights.set(name, weight);
  }
  let best: Precompressed | null = null;
  let bestWeight = 0;
  for (const candidate of offered) {
    const weight = weights.get(candidate.encoding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) {
      best = candidate;
      bestWeight = weight;
    }
  }
  return best;
}
