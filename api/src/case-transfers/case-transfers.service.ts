import { OPEN_STATUSES } from '@app/workflow';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.decorators.js';
import { Case } from '../cases/case.entity.js';
import { fieldError, isUniqueViolation, notFound } from '../common/errors.js';
import { type ListQuery, type ListSpec, type Page, queryPage } from '../common/list-query.js';
import { canSeeCase, canSeeUnit, caseCoveredSql, partyCovered, partyScope, unitScope } from '../common/scope.js';
import { withRetry } from '../common/transaction.js';
import { openNullable, sealText } from '../crypto/encrypted-columns.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { type Notice, NotificationWriter, toUnit } from '../notifications/notification-writer.js';
import { refuseIfCasePurged } from '../retention/retention.errors.js';
import { Unit } from '../units/unit.entity.js';
import { CASE_TRANSFER_STATUSES, CaseTransfer } from './case-transfer.entity.js';
import { CaseTransferError, CaseTransferErrorCode } from './case-transfers.errors.js';
import type { DeclineTransferDto, ProposeTransferDto } from './dto/case-transfer.dto.js';

/** The applications that move with their case: not yet decided (a draft, or open before the contact point). */
export const MOVING_STATUSES = ['draft', ...OPEN_STATUSES] as const;

/** A case that has ended does not move. */
const CLOSED_CASE_STATUSES = ['completed', 'discontinued'];

export const TRANSFER_LIST: ListSpec = {
  resource: 'case-transfers',
  fields: {
    id: { column: 't.id', type: 'uuid' },
    caseId: { column: 't.case_id', type: 'uuid' },
    caseReference: { column: 'c.reference', type: 'string', sortable: true },
    fromUnitId: { column: 't.from_unit_id', type: 'uuid', sortable: true },
    toUnitId: { column: 't.to_unit_id', type: 'uuid', sortable: true },
    status: { column: 't.status', type: 'string', sortable: true, values: CASE_TRANSFER_STATUSES },
    direct: { column: 't.direct', type: 'boolean' },
    proposedAt: { column: 't.proposed_at', type: 'timestamp', sortable: true },
    decidedAt: { column: 't.decided_at', type: 'timestamp', sortable: true },
  },
  search: ['c.reference'],
  defaultSort: ['proposedAt', 'DESC'],
};

export const CASE_UNIT_LIST: ListSpec = {
  resource: 'case-units',
  fields: {
    id: { column: 'h.id', type: 'uuid' },
    caseId: { column: 'h.case_id', type: 'uuid' },
    unitId: { column: 'h.unit_id', type: 'uuid' },
    since: { column: 'h.since', type: 'timestamp', sortable: true },
    until: { column: 'h.until', type: 'timestamp', sortable: true },
  },
  defaultSort: ['since', 'ASC'],
};

const TRANSFER_COLUMNS = [
  't.id AS id',
  't.case_id AS "caseId"',
  'c.reference AS "caseReference"',
  't.from_unit_id AS "fromUnitId"',
  't.to_unit_id AS "toUnitId"',
  't.status AS status',
  't.direct AS direct',
  't.reason AS reason',
  't.decision_reason AS "decisionReason"',
  't.proposed_by AS "proposedBy"',
  'pu.display_name AS "proposedByName"',
  't.proposed_at AS "proposedAt"',
  't.decided_by AS "decidedBy"',
  't.decided_at AS "decidedAt"',
];
const TRANSFER_FROM = 'case_transfers t JOIN cases c ON c.id = t.case_id JOIN users pu ON pu.id = t.proposed_by';

export interface CaseTransferRecord {
  id: string;
  caseId: string;
  caseReference: string;
  fromUnitId: string;
  toUnitId: string;
  status: string;
  direct: boolean;
  reason: string | null;
  decisionReason: string | null;
  proposedBy: string;
  proposedByName: string;
  proposedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
}

const opened = (row: Record<string, unknown>): CaseTransferRecord =>
  ({
    ...row,
    reason: openNullable(row.reason as string | null) ?? null,
    decisionReason: openNullable(row.decisionReason as string | null) ?? null,
  }) as CaseTransferRecord;

/**
 * Cases that move between units. The sending unit proposes, the receiving unit
 * accepts or declines; a contact point's transfer is accepted at once. On
 * acceptance the case and its undecided applications belong to the receiving
 * unit; decided grants stay with the unit that applied for them, so that each
 * unit's figures stay those of the money it spent (issue 14).
 */
@Injectable()
export class CaseTransfersService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly audit: AuditService,
    private readonly ledger: LedgerService,
    private readonly notifications: NotificationWriter,
  ) {}

  /** The transfers from or to the unit worker's unit (every one for a contact point); each case's reasons read audited. */
  async list(actor: Actor, query: ListQuery): Promise<Page<CaseTransferRecord>> {
    const scope = unitScope(actor);
    const page = await queryPage(
      this.manager,
      query,
      TRANSFER_LIST,
      {
        from: TRANSFER_FROM,
        // of the two units' transfers, those on cases whose consent covers the worker's party
        where: scope ? ['(t.from_unit_id = :scope OR t.to_unit_id = :scope)', caseCoveredSql('t.case_id')] : [],
        named: { scope, party: partyScope(actor) },
        select: TRANSFER_COLUMNS,
      },
      opened,
    );
    await this.auditReads(actor, page.rows);
    return page;
  }

  async get(actor: Actor, id: string): Promise<CaseTransferRecord> {
    const record = await this.read(this.manager, id);
    if (!record || !(await this.maysee(this.manager, actor, record))) throw notFound('Case transfer');
    await this.auditReads(actor, [record]);
    return record;
  }

  /** The units a case has belonged to, with dates: of the unit worker's own cases only. */
  history(actor: Actor, query: ListQuery): Promise<Page<Record<string, unknown>>> {
    const scope = unitScope(actor);
    return queryPage(
      this.manager,
      query,
      CASE_UNIT_LIST,
      {
        from: 'case_units h',
        where: scope
          ? ['h.case_id IN (SELECT sc.id FROM cases sc WHERE sc.unit_id = :scope AND :party = ANY (sc.access_parties))']
          : [],
        named: { scope, party: partyScope(actor) },
        select: [
          'h.id AS id',
          'h.case_id AS "caseId"',
          'h.unit_id AS "unitId"',
          'h.since AS since',
          'h.until AS until',
          'h.transfer_id AS "transferId"',
        ],
      },
      (row) => row,
    );
  }

  /**
   * `POST /api/cases/<id>/transfer`: a unit worker proposes their case to another unit;
   * a contact point's transfer is accepted at once.
   */
  async propose(actor: Actor, caseId: string, dto: ProposeTransferDto): Promise<CaseTransferRecord> {
    const id = await withRetry(() =>
      this.manager.transaction(async (tx) => {
        const c = await this.lockCase(tx, actor, caseId);
        refuseIfCasePurged(c, 'it does not move any more');
        if (CLOSED_CASE_STATUSES.includes(c.status)) {
          throw new CaseTransferError(CaseTransferErrorCode.CaseClosed, `A case that is ${c.status} does not move`);
        }
        if (dto.toUnitId === c.unitId) throw fieldError('toUnitId', 'is the unit the case is with already');
        const unit = await tx.findOneBy(Unit, { id: dto.toUnitId });
        if (!unit || !unit.active) throw fieldError('toUnitId', 'no active unit has this id');
        if (await tx.existsBy(CaseTransfer, { caseId, status: 'proposed' })) throw alreadyProposed(c.reference);
        const direct = actor.role === 'contact_point';
        let transferId: string;
        try {
          ({ id: transferId } = await tx.save(CaseTransfer, {
            caseId,
            fromUnitId: c.unitId,
            toUnitId: dto.toUnitId,
            status: 'proposed',
            direct: false,
            reason: dto.reason,
            decisionReason: null,
            proposedBy: actor.id,
            decidedBy: null,
            decidedAt: null,
          }));
        } catch (error) {
          if (isUniqueViolation(error, 'case_transfers_one_open')) throw alreadyProposed(c.reference);
          throw error;
        }
        const details = { transferId, fromUnitId: c.unitId, toUnitId: dto.toUnitId, direct };
        await this.audit.recordChange(tx, actor, 'case.transfer_propose', { type: 'case', id: caseId }, details);
        if (direct) {
          const applications = await this.move(tx, actor, transferId, c, dto.toUnitId, true);
          await this.audit.recordChange(
            tx,
            actor,
            'case.transfer_accept',
            { type: 'case', id: caseId },
            { ...details, applications },
          );
          await this.notify(tx, actor, transferId, c, [
            toUnit('case_transferred', dto.toUnitId),
            toUnit('case_transferred', c.unitId),
          ]);
        } else {
          await this.notify(tx, actor, transferId, c, [toUnit('case_transfer_proposed', dto.toUnitId)]);
        }
        return transferId;
      }),
    );
    return this.get(actor, id);
  }

  /** The receiving unit takes the case over, with its undecided applications. */
  async accept(actor: Actor, id: string): Promise<CaseTransferRecord> {
    await withRetry(() =>
      this.manager.transaction(async (tx) => {
        const t = await this.lockProposed(tx, actor, id, 'accept');
        const c = await tx.findOne(Case, { where: { id: t.caseId }, lock: { mode: 'pessimistic_write' } });
        if (!c || c.unitId !== t.fromUnitId) {
          throw new CaseTransferError(
            CaseTransferErrorCode.WrongStatus,
            'The case is no longer with the unit that proposed it',
          );
        }
        const applications = await this.move(tx, actor, t.id, c, t.toUnitId, false);
        await this.audit.recordChange(
          tx,
          actor,
          'case.transfer_accept',
          { type: 'case', id: c.id },
          { transferId: t.id, fromUnitId: t.fromUnitId, toUnitId: t.toUnitId, applications },
        );
        await this.notify(tx, actor, t.id, c, [toUnit('case_transfer_accepted', t.fromUnitId)]);
      }),
    );
    return this.get(actor, id);
  }

  /** The receiving unit declines; the case stays where it is. */
  async decline(actor: Actor, id: string, dto: DeclineTransferDto): Promise<CaseTransferRecord> {
    await withRetry(() =>
      this.manager.transaction(async (tx) => {
        const t = await this.lockProposed(tx, actor, id, 'decline');
        await tx.query(
          `UPDATE case_transfers SET status = 'declined', decision_reason = $2, decided_by = $3, decided_at = now()
            WHERE id = $1`,
          [t.id, dto.reason === undefined ? null : sealText(dto.reason), actor.id],
        );
        await this.audit.recordChange(
          tx,
          actor,
          'case.transfer_decline',
          { type: 'case', id: t.caseId },
          { transferId: t.id, fromUnitId: t.fromUnitId, toUnitId: t.toUnitId },
        );
        const [{ reference }] = await tx.query(`SELECT reference FROM cases WHERE id = $1`, [t.caseId]);
        await this.notify(tx, actor, t.id, { id: t.caseId, reference }, [
          toUnit('case_transfer_declined', t.fromUnitId),
        ]);
      }),
    );
    return this.get(actor, id);
  }

  /**
   * The move itself, under the case's lock: its undecided applications (locked,
   * before any budget year, as the ledger orders its locks), a first approval's
   * held money booked over to the receiving unit, the case, its history and the
   * transfer. Answers the ids of the applications that moved.
   */
  private async move(
    tx: EntityManager,
    actor: Actor,
    transferId: string,
    c: Case,
    toUnitId: string,
    direct: boolean,
  ): Promise<string[]> {
    const moving: {
      id: string;
      status: string;
      category_code: string;
      budget_year_id: string | null;
      first_approved_amount: string | null;
    }[] = await tx.query(
      `SELECT id, status, category_code, budget_year_id, first_approved_amount FROM applications
        WHERE case_id = $1 AND status = ANY ($2) ORDER BY id FOR UPDATE`,
      [c.id, MOVING_STATUSES],
    );
    for (const a of moving) {
      // a first approval above the threshold holds money on the applying unit: it moves with the application
      if (a.status !== 'awaiting_second_approval' || !a.budget_year_id || !a.first_approved_amount) continue;
      const held = BigInt(a.first_approved_amount);
      await this.ledger.lockYear(tx, a.budget_year_id);
      const grant = { id: a.id, categoryCode: a.category_code };
      await this.ledger.post(tx, a.budget_year_id, { ...grant, unitId: c.unitId }, 'release', held, actor.id);
      await this.ledger.post(tx, a.budget_year_id, { ...grant, unitId: toUnitId }, 'commit', held, actor.id);
    }
    const ids = moving.map((a) => a.id);
    if (ids.length) await tx.query(`UPDATE applications SET unit_id = $2 WHERE id = ANY ($1)`, [ids, toUnitId]);
    await tx.query(`UPDATE cases SET unit_id = $2, updated_at = now() WHERE id = $1`, [c.id, toUnitId]);
    await tx.query(`UPDATE case_units SET until = now() WHERE case_id = $1 AND until IS NULL`, [c.id]);
    await tx.query(`INSERT INTO case_units (case_id, unit_id, since, transfer_id) VALUES ($1, $2, now(), $3)`, [
      c.id,
      toUnitId,
      transferId,
    ]);
    await tx.query(
      `UPDATE case_transfers SET status = 'accepted', direct = $2, decided_by = $3, decided_at = now() WHERE id = $1`,
      [transferId, direct, actor.id],
    );
    return ids;
  }

  /** The case, locked, if this user may see it; 404 otherwise. */
  private async lockCase(tx: EntityManager, actor: Actor, caseId: string): Promise<Case> {
    const c = await tx.findOne(Case, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
    if (!c || !canSeeCase(actor, c)) throw notFound('Case');
    return c;
  }

  /** A proposal the actor's unit receives, locked: 404 when not visible, 403 for the sending unit, 409 when decided. */
  private async lockProposed(tx: EntityManager, actor: Actor, id: string, action: string): Promise<CaseTransfer> {
    const t = await tx.findOne(CaseTransfer, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!t || !(await this.maysee(tx, actor, t))) throw notFound('Case transfer');
    if (actor.unitId !== t.toUnitId) {
      throw new CaseTransferError(
        CaseTransferErrorCode.NotReceiving,
        `Only a worker of the receiving unit may ${action} a transfer`,
      );
    }
    if (t.status !== 'proposed') {
      throw new CaseTransferError(CaseTransferErrorCode.WrongStatus, `Cannot ${action} a transfer that is ${t.status}`);
    }
    return t;
  }

  /** A worker of either unit, of a party the case's consent covers; every contact point. */
  private async maysee(
    tx: EntityManager,
    actor: Actor,
    t: { caseId: string; fromUnitId: string; toUnitId: string },
  ): Promise<boolean> {
    return (canSeeUnit(actor, t.fromUnitId) || canSeeUnit(actor, t.toUnitId)) && partyCovered(tx, actor, t.caseId);
  }

  private async read(tx: EntityManager, id: string): Promise<CaseTransferRecord | null> {
    const [row] = await tx.query(`SELECT ${TRANSFER_COLUMNS.join(', ')} FROM ${TRANSFER_FROM} WHERE t.id = $1`, [id]);
    return row ? opened(row) : null;
  }

  /** Every read of a transfer's reasons is audited, once per case read. */
  private async auditReads(actor: Actor, rows: CaseTransferRecord[]): Promise<void> {
    for (const caseId of new Set(rows.map((r) => r.caseId))) {
      await this.audit.record({
        actorId: actor.id,
        action: 'case.transfer_read',
        entityType: 'case',
        entityId: caseId,
      });
    }
  }

  private async notify(
    tx: EntityManager,
    actor: Actor,
    transferId: string,
    c: { id: string; reference: string },
    notices: Notice[],
  ): Promise<void> {
    // a unit's workers hear of it only while the case's consent covers their party
    await this.notifications.notify(
      tx,
      { reference: c.reference, caseId: c.id, resource: 'case-transfers', recordId: transferId, except: [actor.id] },
      notices,
    );
  }
}

const alreadyProposed = (reference: string) =>
  new CaseTransferError(
    CaseTransferErrorCode.AlreadyProposed,
    `${reference} already has an open transfer proposal; the receiving unit accepts or declines it first`,
  );
