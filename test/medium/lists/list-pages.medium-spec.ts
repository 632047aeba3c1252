import {
  applyListQuery,
  type ListQuery,
  type ListSpec,
  queryPage,
  type SortOrder,
} from '../../../api/src/common/list-query.js';
import { createMediumTest, type MediumTest } from '../medium-db.js';

// queryPage answers a page in one statement, reading past the middle from the other end: every page,
// both ways, must be exactly what a straight ORDER BY … OFFSET … LIMIT answers, ties and NULLs included.

let t: MediumTest;
const ROWS = 61;

const SPEC: ListSpec = {
  resource: 'probes',
  fields: {
    id: { column: 'x.id', type: 'uuid' },
    // few values and many NULLs: ties everywhere
    n: { column: 'x.n', type: 'integer', sortable: true },
    label: { column: 'x.label', type: 'string', sortable: true },
    flag: { column: 'x.flag', type: 'boolean', sortable: true },
    // a virtual sort over two columns, as the review queue
    queue: {
      column: 'x.at',
      type: 'timestamp',
      sortable: true,
      orderBy: [
        ['x.flag', 'DESC'],
        ['x.at', 'ASC'],
      ],
    },
  },
  search: [
    'x.label',
    { column: 'x.group_id', in: (p) => `SELECT g.id FROM list_probe_groups g WHERE g.name ILIKE ${p}` },
  ],
  defaultSort: ['n', 'ASC'],
};

const query = (
  sort: [string, SortOrder],
  range: [number, number],
  filter: Record<string, unknown> = {},
): ListQuery => ({
  sort,
  range,
  filter,
});

const viaPage = async (q: ListQuery) => {
  const page = await queryPage(
    t.db.manager,
    q,
    SPEC,
    { from: 'list_probe x', select: ['x.id AS id'] },
    (row) => row.id as string,
  );
  return { ids: page.rows, total: page.total };
};

const straight = async (q: ListQuery): Promise<string[]> => {
  const qb = t.db.manager.createQueryBuilder().select('x.id', 'id').from('list_probe', 'x');
  const rows: { id: string }[] = await applyListQuery(qb, q, SPEC).getRawMany();
  return rows.map((r) => r.id);
};

beforeAll(async () => {
  t = await createMediumTest({ imports: [] });
  await t.db.query(
    `CREATE TABLE list_probe_groups (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL)`,
  );
  await t.db.query(`INSERT INTO list_probe_groups (name) VALUES ('Nordjylland'), ('Fyn')`);
  await t.db.query(
    `CREATE TABLE list_probe (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), n int, label text, flag boolean NOT NULL,
       at timestamptz, group_id uuid REFERENCES list_probe_groups (id))`,
  );
  await t.db.query(
    `INSERT INTO list_probe (n, label, flag, at, group_id)
     SELECT CASE WHEN i % 4 = 0 THEN NULL ELSE i % 5 END, CASE WHEN i % 7 = 0 THEN NULL ELSE 'probe ' || (i % 3) END,
            i % 3 = 0, CASE WHEN i % 6 = 0 THEN NULL ELSE timestamptz '2026-01-01' + (i % 9) * interval '1 day' END,
            (SELECT id FROM list_probe_groups ORDER BY name OFFSET i % 2 LIMIT 1)
     FROM generate_series(1, ${ROWS}) i`,
  );
});
afterAll(() => t.close());

describe(queryPage.name, () => {
  const sorts: [string, SortOrder][] = ['n', 'label', 'flag', 'queue', 'id'].flatMap((f) => [
    [f, 'ASC'] as [string, SortOrder],
    [f, 'DESC'] as [string, SortOrder],
  ]);

  it.each(sorts)('pages by %s %s exactly as a straight OFFSET, from either end', async (field, order) => {
    const all = await straight(query([field, order], [0, 999]));
    expect(all).toHaveLength(ROWS);
    for (const size of [1, 7, 25]) {
      const paged: string[] = [];
      for (let first = 0; first < ROWS; first += size) {
        const q = query([field, order], [first, first + size - 1]);
        const page = await viaPage(q);
        expect(page.ids).toEqual(await straight(q));
        expect(page.total).toBe(ROWS);
        paged.push(...page.ids);
      }
      expect(paged).toEqual(all);
    }
  });

  it('answers a range past the end with what is there, and one beyond it with no rows and the total', async () => {
    const sort: [string, SortOrder] = ['label', 'DESC'];
    const tail = await viaPage(query(sort, [ROWS - 3, ROWS + 10]));
    expect(tail).toEqual({ ids: (await straight(query(sort, [0, 999]))).slice(ROWS - 3), total: ROWS });
    expect(await viaPage(query(sort, [ROWS, ROWS + 5]))).toEqual({ ids: [], total: ROWS });
    expect(await viaPage(query(sort, [ROWS * 3, ROWS * 3]))).toEqual({ ids: [], total: ROWS });
  });

  it('filters and counts with the filter, deep pages included', async () => {
    const filter = { flag: false, n_gte: 1 };
    const all = await straight(query(['n', 'DESC'], [0, 999], filter));
    expect(all.length).toBeGreaterThan(10);
    for (const range of [
      [0, 4],
      [all.length - 5, all.length - 1],
      [Math.floor(all.length / 2), Math.floor(all.length / 2) + 2],
    ] as [number, number][]) {
      const q = query(['n', 'DESC'], range, filter);
      expect(await viaPage(q)).toEqual({ ids: await straight(q), total: all.length });
    }
  });

  it('searches q in a column and through a look-up, as the subquery would, and a look-up that finds nothing drops out', async () => {
    for (const text of ['probe 1', 'FYN', 'nord', 'nowhere', '%', 'e 2']) {
      const q = query(['id', 'ASC'], [0, 999], { q: text });
      const page = await viaPage(q);
      expect(page.ids).toEqual(await straight(q));
      expect(page.total).toBe(page.ids.length);
    }
    expect((await viaPage(query(['id', 'ASC'], [0, 999], { q: 'fyn' }))).total).toBe(30);
    expect((await viaPage(query(['id', 'ASC'], [0, 999], { q: 'nowhere' }))).total).toBe(0);
  });
});
