import { QueryFailedError } from 'typeorm';
import { preparedQuery, statementName } from '../../../api/src/database/prepared-query.js';
import { createMediumTest, type MediumTest } from '../medium-db.js';

// A statement run by preparedQuery is parsed once per connection and kept under a name made from its text.

let t: MediumTest;

beforeAll(async () => {
  t = await createMediumTest({ imports: [] });
});
afterAll(() => t.close());

const TEXT = `SELECT $1::int + 1 AS n`;

describe(preparedQuery.name, () => {
  it('answers the rows, and leaves the statement prepared on the connection under its name', async () => {
    expect(await preparedQuery(t.db.manager, TEXT, [41])).toEqual([{ n: 42 }]);
    // every connection of the pool that ran it holds it: ask each until one answers for itself
    const held: boolean[] = [];
    for (let i = 0; i < 3; i++) {
      const [row] = await preparedQuery<{ held: boolean }>(
        t.db.manager,
        `SELECT EXISTS (SELECT 1 FROM pg_prepared_statements WHERE name = $1 AND statement = $2) AS held`,
        [statementName(TEXT), TEXT],
      );
      held.push(row.held);
      await preparedQuery(t.db.manager, TEXT, [i]);
    }
    expect(held).toContain(true);
  });

  it('names one text alike every time and two texts apart', () => {
    expect(statementName(TEXT)).toBe(statementName(`SELECT $1::int + 1 AS n`));
    expect(statementName(TEXT)).not.toBe(statementName(`SELECT $1::int + 2 AS n`));
    expect(statementName(TEXT)).toMatch(/^exitpool_[\w-]{32}$/);
  });

  it("runs in a transaction on the transaction's own connection, seeing what it wrote", async () => {
    await t.db.transaction(async (tx) => {
      await tx.query(`CREATE TEMPORARY TABLE seen (n int) ON COMMIT DROP`);
      await tx.query(`INSERT INTO seen VALUES (7)`);
      expect(await preparedQuery(tx, `SELECT n FROM seen`, [])).toEqual([{ n: 7 }]);
    });
  });

  it("refuses as TypeORM's QueryFailedError, with PostgreSQL's code", async () => {
    const refused = await preparedQuery(t.db.manager, `SELECT 1 / $1::int AS n`, [0]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(QueryFailedError);
    expect((refused as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe('22012');
  });
});
