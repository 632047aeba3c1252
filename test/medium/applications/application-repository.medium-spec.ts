import { NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ApplicationRepository, type ListedApplication } from '../../../api/src/applications/application.repository.js';
import { ApplicationWorkflowService } from '../../../api/src/applications/application-workflow.service.js';
import type { Actor } from '../../../api/src/auth/auth.decorators.js';
import { type ListQuery } from '../../../api/src/common/list-query.js';
import { actorOf, createMediumTest, type MediumTest } from '../medium-db.js';
import { draftRelocation, newActiveCase } from '../relocation.js';

// Applications as each user may see them, found, locked, listed and looked up
// on the real database.

let t: MediumTest;
let repository: ApplicationRepository;
let workerA: Actor;
let workerB: Actor;
let cp: Actor;
let finance: Actor;
let caseA: { id: string; reference: string };
let guidelineId: string;

async function newCase(worker: Actor): Promise<{ id: string; reference: string }> {
  return newActiveCase(t, worker);
}

async function draft(worker: Actor, caseId: string): Promise<string> {
  const created = await draftRelocation(t, worker, caseId, 1);
  return created.id;
}

const query = (filter: Record<string, unknown> = {}): ListQuery =>
  ({ filter, sort: ['createdAt', 'ASC'], range: [0, 99] }) as unknown as ListQuery;

beforeAll(async () => {
  t = await createMediumTest();
  ({ guidelineId } = await t.seedCatalog());
  repository = t.get(ApplicationRepository);
  workerA = actorOf(await t.newUser('unit_worker', { displayName: 'Worker A' }));
  workerB = actorOf(await t.newUser('unit_worker'));
  cp = actorOf(await t.newUser('contact_point'));
  finance = actorOf(await t.newUser('finance'));
  caseA = await newCase(workerA);
});
afterAll(() => t.close());

describe(ApplicationRepository.name, () => {
  it("finds an application for its unit and, once submitted, for the national roles; another unit's is not found", async () => {
    const id = await draft(workerA, caseA.id);
    expect((await repository.find(workerA, id)).id).toBe(id);
    // a draft is the unit's own work in progress
    await expect(repository.find(cp, id)).rejects.toBeInstanceOf(NotFoundException);
    await expect(repository.find(finance, id)).rejects.toBeInstanceOf(NotFoundException);
    await expect(repository.find(workerB, id)).rejects.toBeInstanceOf(NotFoundException);
    await t.get(ApplicationWorkflowService).submit(workerA, id);
    expect((await repository.find(cp, id)).status).toBe('submitted');
    expect((await repository.find(finance, id)).id).toBe(id);
    await expect(repository.find(workerB, id)).rejects.toBeInstanceOf(NotFoundException);
    await expect(repository.find(cp, randomUUID())).rejects.toBeInstanceOf(NotFoundException);
  });

  it("locks the application's row for the rest of the transaction, and only for one it may see", async () => {
    const id = await draft(workerA, caseA.id);
    const runner = t.db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const rowIsFree = () =>
      t.db
        .transaction((tx) => tx.query(`SELECT 1 FROM applications WHERE id = $1 FOR UPDATE NOWAIT`, [id]))
        .then(
          () => true,
          (error: { driverError?: { code?: string } }) => {
            if (error.driverError?.code === '55P03') return false;
            throw error;
          },
        );
    try {
      await expect(repository.lock(runner.manager, workerB, id)).rejects.toBeInstanceOf(NotFoundException);
      expect((await repository.lock(runner.manager, workerA, id)).id).toBe(id);
      expect(await rowIsFree()).toBe(false);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect(await rowIsFree()).toBe(true);
  });

  it("lists a unit worker's own unit only, and no national role any draft", async () => {
    const caseB = await newCase(workerB);
    const draftB = await draft(workerB, caseB.id);
    const submittedB = await draft(workerB, caseB.id);
    await t.get(ApplicationWorkflowService).submit(workerB, submittedB);

    const ids = (page: { rows: ListedApplication[] }) => page.rows.map((r) => r.application.id);
    const ofB = await repository.list(workerB, query());
    expect(ids(ofB)).toEqual([draftB, submittedB]);
    expect(ofB.total).toBe(2);
    const ofA = await repository.list(workerA, query());
    expect(ofA.rows.every((r) => r.application.unitId === workerA.unitId)).toBe(true);
    expect(ids(ofA)).not.toContain(submittedB);

    const national = await repository.list(cp, query({ unitId: workerB.unitId }));
    expect(ids(national)).toEqual([submittedB]);
  });

  it("looks up the case's reference, the guideline's version and the staff's names in one go", async () => {
    const id = await draft(workerA, caseA.id);
    await t.get(ApplicationWorkflowService).submit(workerA, id);
    const a = await repository.find(cp, id);
    const found = await repository.lookups(t.db.manager, [a, a]);
    const [{ version }] = await t.db.query(`SELECT version FROM guidelines WHERE id = $1`, [guidelineId]);
    expect(found.caseReference).toEqual(new Map([[caseA.id, caseA.reference]]));
    expect(found.guidelineVersion).toEqual(new Map([[guidelineId, version]]));
    expect(found.names).toEqual({ [workerA.id]: 'Worker A' });
    expect(await repository.lookups(t.db.manager, [])).toEqual({
      caseReference: new Map(),
      guidelineVersion: new Map(),
      names: {},
    });
  });
});
