import type { DisbursementRecord } from '@app/contract';
import { formatMoney } from '@app/money';
import { canTransition, fourEyesBreach, statusAfterPayment } from '@app/workflow';
import { Inject, Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Application } from '../applications/application.entity.js';
import { unpaid } from '../applications/application-view.js';
import { ApplicationRepository } from '../applications/application.repository.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.decorators.js';
import { isUniqueViolation, notFound } from '../common/errors.js';
import { faultPoint } from '../common/fault-point.js';
import { type ListQuery, type ListSpec, type Page, queryPage } from '../common/list-query.js';
import { applicationCoveredSql, partyScope, unitScope } from '../common/scope.js';
import { withRetry } from '../common/transaction.js';
import { validationException } from '../common/validation.js';
import { isoDateOf, todayIso } from '../common/dates.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { openNullable } from '../crypto/encrypted-columns.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { NotificationWriter, toUnit } from '../notifications/notification-writer.js';
import { Disbursement, PAYEE_TYPES } from './disbursement.entity.js';
import { DisbursementError, DisbursementErrorCode } from './disbursements.errors.js';
import type { CreateDisbursementDto } from './dto/disbursement.dto.js';

export const DISBURSEMENT_LIST: ListSpec = {
  resource: 'disbursements',
  fields: {
    id: { column: 'd.id', type: 'uuid' },
    applicationId: { column: 'd.application_id', type: 'uuid' },
    unitId: { column: 'd.unit_id', type: 'uuid', sortable: true },
    budgetYearId: { column: 'd.budget_year_id', type: 'uuid' },
    year: { column: 'y.year', type: 'integer', sortable: true },
    categoryCode: { column: 'a.category_code', type: 'string', sortable: true },
    amount: { column: 'd.amount', type: 'integer', sortable: true },
    paidOn: { column: 'd.paid_on', type: 'date', sortable: true },
    payeeType: { column: 'd.payee_type', type: 'string', sortable: true, values: PAYEE_TYPES },
    createdAt: { column: 'd.created_at', type: 'timestamp', sortable: true },
  },
  // never the payee reference: it is encrypted; each arm through an index of the payments
  search: [
    { column: 'd.application_id', in: (p) => `SELECT sa.id FROM applications sa WHERE sa.reference ILIKE ${p}` },
    { column: 'a.category_code', in: (p) => `SELECT sc.code FROM categories sc WHERE sc.code ILIKE ${p}` },
    'd.account_code',
    { column: 'd.unit_id', in: (p) => `SELECT su.id FROM units su WHERE su.name ILIKE ${p}` },
  ],
  defaultSort: ['paidOn', 'DESC'],
};

/** A payment or refund as the API answers it: amounts in bigint minor units. */
export type DisbursementView = DisbursementRecord<bigint, Date>;

const SELECT = [
  'd.id AS id',
  'd.application_id AS "applicationId"',
  'a.reference AS "applicationReference"',
  'd.unit_id AS "unitId"',
  'd.budget_year_id AS "budgetYearId"',
  'y.year AS year',
  'a.category_code AS "categoryCode"',
  'd.amount::text AS amount',
  `to_char(d.paid_on, 'YYYY-MM-DD') AS "paidOn"`,
  'd.payee_type AS "payeeType"',
  'd.payee_reference AS "payeeReference"',
  'd.account_code AS "accountCode"',
  'd.recorded_by AS "recordedBy"',
  'u.display_name AS "recordedByName"',
  'd.created_at AS "createdAt"',
];

@Injectable()
export class DisbursementsService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly applicationRepository: ApplicationRepository,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationWriter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  base(tx: EntityManager = this.manager) {
    return tx
      .createQueryBuilder()
      .from(Disbursement, 'd')
      .innerJoin(Application, 'a', 'a.id = d.application_id')
      .innerJoin('budget_years', 'y', 'y.id = d.budget_year_id')
      .innerJoin('users', 'u', 'u.id = d.recorded_by')
      .select(SELECT);
  }

  /** A page of the payments this user may see, and their total, in one statement. */
  list(actor: Actor, query: ListQuery): Promise<Page<DisbursementView>> {
    const scope = unitScope(actor);
    return queryPage(
      this.manager,
      query,
      DISBURSEMENT_LIST,
      {
        // LEFT JOINs of exactly one row each (NOT NULL foreign keys): the count leaves out those it does not need
        from: `disbursements d LEFT JOIN applications a ON a.id = d.application_id
          LEFT JOIN budget_years y ON y.id = d.budget_year_id`,
        // of the unit's payments, those on cases whose consent covers the worker's party
        where: scope ? ['d.unit_id = :scope', applicationCoveredSql('a')] : [],
        named: { scope, party: partyScope(actor) },
        select: SELECT.filter((column) => !column.startsWith('u.')),
        lookup: { select: ['(SELECT u.display_name FROM users u WHERE u.id = p."recordedBy") AS "recordedByName"'] },
        // every payment, unfiltered: the counts the payment trigger keeps per unit (check:ledger compares them)
        unfilteredTotal: 'SELECT coalesce(sum(payments), 0)::bigint AS total FROM disbursement_counts',
      },
      toView,
    );
  }

  async get(actor: Actor, id: string, tx: EntityManager = this.manager): Promise<DisbursementView> {
    const scope = unitScope(actor);
    const qb = this.base(tx).where('d.id = :id', { id });
    if (scope) {
      qb.andWhere('d.unit_id = :scope', { scope }).andWhere(applicationCoveredSql('a'), { party: partyScope(actor) });
    }
    const row = await qb.getRawOne();
    if (!row) throw notFound('Disbursement');
    return toView(row);
  }

  /**
   * Records a payment or a refund. With an idempotency key, the same key and
   * body recorded before answers that record again; the same key with another
   * body is refused. The grant's row is locked first, so concurrent replays of
   * one key queue behind each other and the later ones find the first.
   */
  async create(
    actor: Actor,
    dto: CreateDisbursementDto,
    key?: string,
  ): Promise<{ record: DisbursementView; replayed: boolean }> {
    const body = {
      applicationId: dto.applicationId,
      amount: dto.amount,
      paidOn: dto.paidOn ?? todayIso(),
      payeeType: dto.payeeType ?? 'other',
      payeeReference: dto.payeeReference ?? null,
      accountCode: dto.accountCode ?? null,
    };
    const requestHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
    try {
      return await withRetry(() =>
        this.manager.transaction(async (tx) => {
          const a = await this.applicationRepository.lock(tx, actor, dto.applicationId);
          const earlier = key ? await this.replay(tx, actor, key, requestHash) : null;
          if (earlier) return { record: earlier, replayed: true };
          const id = await this.record(tx, actor, a, body, key, requestHash);
          return { record: await this.get(actor, id, tx), replayed: false };
        }),
      );
    } catch (error) {
      // a replay that raced past the lock (another grant, same key) meets the unique key
      if (key && isUniqueViolation(error, 'disbursements_idempotency_key_unique')) {
        const earlier = await this.replay(this.manager, actor, key, requestHash);
        if (earlier) return { record: earlier, replayed: true };
      }
      throw error;
    }
  }

  private async replay(
    tx: EntityManager,
    actor: Actor,
    key: string,
    requestHash: string,
  ): Promise<DisbursementView | null> {
    const [found] = await tx.query(`SELECT id, request_hash FROM disbursements WHERE idempotency_key = $1`, [key]);
    if (!found) return null;
    if (found.request_hash !== requestHash) {
      throw new DisbursementError(
        DisbursementErrorCode.KeyReused,
        'This Idempotency-Key was used for a different payment',
      );
    }
    return this.get(actor, found.id, tx);
  }

  private async record(
    tx: EntityManager,
    actor: Actor,
    a: Application,
    body: {
      amount: number;
      paidOn: string;
      payeeType: string;
      payeeReference: string | null;
      accountCode: string | null;
    },
    key: string | undefined,
    requestHash: string,
  ): Promise<string> {
    const amount = BigInt(body.amount);
    const action = amount > 0n ? 'pay' : 'refund';
    if (!canTransition(action, a.status)) {
      throw new DisbursementError(
        DisbursementErrorCode.NotAGrant,
        `No ${amount > 0n ? 'payment' : 'refund'} on an application that is ${a.status}`,
      );
    }
    if (fourEyesBreach(action, actor.id, a)) {
      throw new DisbursementError(
        DisbursementErrorCode.Approver,
        'You approved this grant; somebody else records its payments',
      );
    }
    if (amount > 0n) {
      if (amount > unpaid(a)) {
        throw new DisbursementError(
          DisbursementErrorCode.OverPayment,
          `The payment is more than the grant's unpaid ${formatMoney(unpaid(a), this.config.currency, 'en')}`,
        );
      }
    } else {
      if (-amount > a.paidAmount) {
        throw new DisbursementError(
          DisbursementErrorCode.OverRefund,
          `The refund is more than the ${formatMoney(a.paidAmount, this.config.currency, 'en')} paid`,
        );
      }
    }
    // a grant is payable from the day of its (final, for a two-stage grant) approval
    const approvedOn = a.decidedAt ? isoDateOf(a.decidedAt) : null;
    if (approvedOn && body.paidOn < approvedOn) {
      throw validationException({
        paidOn: `paidOn must not be before the grant was approved on ${approvedOn}`,
      });
    }
    const year = await this.ledger.lockYear(tx, a.budgetYearId!);
    if (year.status !== 'open') {
      throw new DisbursementError(DisbursementErrorCode.YearClosed, `The budget year ${year.year} is closed`);
    }
    const saved = await tx.save(Disbursement, {
      applicationId: a.id,
      unitId: a.unitId,
      budgetYearId: year.id,
      amount,
      paidOn: body.paidOn,
      payeeType: body.payeeType as Disbursement['payeeType'],
      payeeReference: body.payeeReference,
      accountCode: body.accountCode,
      idempotencyKey: key ?? null,
      requestHash: key ? requestHash : null,
      recordedBy: actor.id,
    });
    if (amount > 0n) {
      await this.ledger.post(tx, year.id, a, 'disburse', amount, actor.id, saved.id, body.paidOn);
    } else {
      await this.ledger.post(tx, year.id, a, 'refund', -amount, actor.id, saved.id, body.paidOn);
      // a cancelled grant owes nothing more: the refunded money goes back to the pool
      if (a.status === 'cancelled') await this.ledger.post(tx, year.id, a, 'release', -amount, actor.id);
    }
    const status = statusAfterPayment(a, amount);
    if (status !== a.status) await this.applicationRepository.setStatus(tx, a.id, status);
    await this.notifications.notify(
      tx,
      {
        reference: a.reference,
        resource: 'applications',
        recordId: a.id,
        urgent: a.urgent,
        caseId: a.caseId,
        except: [actor.id],
      },
      [toUnit(amount > 0n ? 'payment_recorded' : 'refund_recorded', a.unitId)],
    );
    faultPoint(this.config, 'disbursement.before-commit');
    await this.audit.recordChange(
      tx,
      actor,
      amount > 0n ? 'disbursement.pay' : 'disbursement.refund',
      { type: 'disbursement', id: saved.id },
      { applicationId: a.id, amount: String(amount), statusFrom: a.status, statusTo: status },
    );
    return saved.id;
  }
}

function toView(row: Record<string, unknown>): DisbursementView {
  return {
    ...(row as unknown as DisbursementView),
    amount: BigInt(row.amount as string),
    year: Number(row.year),
    payeeReference: openNullable(row.payeeReference as string | null) ?? null,
  };
}
