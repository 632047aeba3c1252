import type { Actor } from '../../../api/src/auth/auth.decorators.js';
import { CaseTransfersModule } from '../../../api/src/case-transfers/case-transfers.module.js';
import { CaseTransfersService } from '../../../api/src/case-transfers/case-transfers.service.js';
import { CasesModule } from '../../../api/src/cases/cases.module.js';
import { CasesService } from '../../../api/src/cases/cases.service.js';
import { actorOf, auditOf, createMediumTest, type MediumTest, refusal } from '../medium-db.js';

let t: MediumTest;
let transfers: CaseTransfersService;
let cases: CasesService;
let sender: Actor;
let receiver: Actor;
let receiver2: Actor;
let other: Actor;
let cp: Actor;

const REASON = 'Released; continues in the home district.';
const page = { sort: ['since', 'ASC'] as ['since', 'ASC'], range: [0, 99] as [number, number] };

beforeAll(async () => {
  t = await createMediumTest({ imports: [CasesModule, CaseTransfersModule] });
  transfers = t.get(CaseTransfersService);
  cases = t.get(CasesService);
  const from = await t.newUnit();
  const to = await t.newUnit();
  sender = actorOf(await t.newUser('unit_worker', { unitId: from.id }));
  receiver = actorOf(await t.newUser('unit_worker', { unitId: to.id }));
  receiver2 = actorOf(await t.newUser('unit_worker', { unitId: to.id }));
  other = actorOf(await t.newUser('unit_worker'));
  cp = actorOf(await t.newUser('contact_point'));
});
afterAll(() => t.close());

describe(CaseTransfersService.name, () => {
  it('starts every new case’s history with the unit that registered it', async () => {
    const c = await cases.create(sender, {});
    const history = await transfers.history(sender, { ...page, filter: { caseId: c.id } });
    expect(history.rows).toMatchObject([{ caseId: c.id, unitId: sender.unitId, until: null, transferId: null }]);
  });

  it('moves the case on acceptance, closes its stretch with the sender and opens one with the receiver at the same moment', async () => {
    const c = await cases.create(sender, {});
    const proposal = await transfers.propose(sender, c.id, { toUnitId: receiver.unitId!, reason: REASON });
    expect(proposal).toMatchObject({ status: 'proposed', reason: REASON, caseReference: c.reference });
    const accepted = await transfers.accept(receiver, proposal.id);
    expect(accepted).toMatchObject({ status: 'accepted', decidedBy: receiver.id });
    expect((await cases.get(receiver, c.id)).unitId).toBe(receiver.unitId);
    await expect(cases.get(sender, c.id)).rejects.toMatchObject({ status: 404 });
    const [first, second] = (await transfers.history(receiver, { ...page, filter: { caseId: c.id } })).rows as {
      unitId: string;
      since: Date;
      until: Date | null;
      transferId: string | null;
    }[];
    expect(first.unitId).toBe(sender.unitId);
    expect(second).toMatchObject({ unitId: receiver.unitId, until: null, transferId: proposal.id });
    expect(first.until).toEqual(second.since);
    expect((await auditOf(t.db, c.id)).map((e) => [e.action, e.actorId])).toEqual([
      ['case.create', sender.id],
      ['case.transfer_propose', sender.id],
      ['case.transfer_read', sender.id],
      ['case.transfer_accept', receiver.id],
      ['case.transfer_read', receiver.id],
    ]);
  });

  it('lets one of two concurrent answers win; the other is refused for the status', async () => {
    const c = await cases.create(sender, {});
    const proposal = await transfers.propose(sender, c.id, { toUnitId: receiver.unitId!, reason: REASON });
    const outcomes = await Promise.allSettled([
      transfers.accept(receiver, proposal.id),
      transfers.decline(receiver2, proposal.id, { reason: 'Not ours.' }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'CASE_TRANSFER_WRONG_STATUS' });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM case_units WHERE case_id = $1`, [c.id]);
    const [{ status }] = await t.db.query(`SELECT status FROM case_transfers WHERE id = $1`, [proposal.id]);
    expect(n).toBe(status === 'accepted' ? 2 : 1);
  });

  it('holds one open proposal per case when two are made at once', async () => {
    const c = await cases.create(sender, {});
    const third = await t.newUnit();
    const outcomes = await Promise.allSettled([
      transfers.propose(sender, c.id, { toUnitId: receiver.unitId!, reason: REASON }),
      transfers.propose(sender, c.id, { toUnitId: third.id, reason: REASON }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect((outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({
      code: 'CASE_TRANSFER_ALREADY_PROPOSED',
    });
  });

  it('refuses a contact point’s direct transfer while a proposal is open', async () => {
    const c = await cases.create(sender, {});
    await transfers.propose(sender, c.id, { toUnitId: receiver.unitId!, reason: REASON });
    expect(await refusal(transfers.propose(cp, c.id, { toUnitId: other.unitId!, reason: REASON }))).toBe(
      'CASE_TRANSFER_ALREADY_PROPOSED',
    );
  });

  it('shows a transfer to its two units and the contact point only', async () => {
    const c = await cases.create(sender, {});
    const proposal = await transfers.propose(sender, c.id, { toUnitId: receiver.unitId!, reason: REASON });
    for (const actor of [sender, receiver, cp]) expect((await transfers.get(actor, proposal.id)).id).toBe(proposal.id);
    expect(await refusal(transfers.get(other, proposal.id))).toBe(404);
    const listed = await transfers.list(other, {
      sort: ['proposedAt', 'DESC'],
      range: [0, 99],
      filter: { caseId: c.id },
    });
    expect(listed.rows).toEqual([]);
  });

  it('refuses in the database a decided transfer without its decider, and one to the case’s own unit', async () => {
    const c = await cases.create(sender, {});
    await expect(
      t.db.query(
        `INSERT INTO case_transfers (case_id, from_unit_id, to_unit_id, proposed_by, status) VALUES ($1, $2, $3, $4, 'accepted')`,
        [c.id, sender.unitId, receiver.unitId, sender.id],
      ),
    ).rejects.toThrow(/case_transfers_decided_when_decided/);
    await expect(
      t.db.query(
        `INSERT INTO case_transfers (case_id, from_unit_id, to_unit_id, proposed_by) VALUES ($1, $2, $2, $3)`,
        [c.id, sender.unitId, sender.id],
      ),
    ).rejects.toThrow(/case_transfers_another_unit/);
    await expect(
      t.db.query(`INSERT INTO case_units (case_id, unit_id, since) VALUES ($1, $2, now())`, [c.id, receiver.unitId]),
    ).rejects.toThrow(/case_units_one_current/);
  });
});
