import { blockFindings, type Finding, findingsBlockingApproval, requiresSecondApproval } from '@app/guidelines';
import { parseMoney } from '@app/money';
import {
  type ApplicationAction,
  approvalOutcome,
  canTransition,
  fourEyesBreach,
  mayAct,
  statusAfter,
} from '@app/workflow';
import { Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.decorators.js';
import { fieldError } from '../common/errors.js';
import { withRetry } from '../common/transaction.js';
import { todayIso } from '../common/dates.js';
import { toEngineGuideline } from '../guidelines/guideline-mapping.js';
import { GuidelinesService } from '../guidelines/guidelines.service.js';
import { Application } from './application.entity.js';
import { ApplicationMessage, type MessageKind } from './application-message.entity.js';
import { ApplicationChecker } from './application-checker.js';
import type { ApplicationDetail, ApplicationSummary } from './application-view.js';
import { ApplicationError, ApplicationErrorCode } from './applications.errors.js';
import { ApplicationsService } from './applications.service.js';
import { ApplicationRepository } from './application.repository.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { type Notice, NotificationWriter, toRole, toUnit } from '../notifications/notification-writer.js';
import { refuseIfApplicationPurged } from '../retention/retention.errors.js';
import { unpaid } from './application-view.js';
import type { ApproveDto } from './dto/actions.dto.js';

/**
 * The life of an application: every transition in one transaction that locks
 * the application row, checks who may do it from which status, writes the
 * thread message and the audit event with it.
 */
@Injectable()
export class ApplicationWorkflowService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly applications: ApplicationsService,
    private readonly applicationRepository: ApplicationRepository,
    private readonly guidelines: GuidelinesService,
    private readonly checker: ApplicationChecker,
    private readonly audit: AuditService,
    private readonly ledger: LedgerService,
    private readonly notifications: NotificationWriter,
  ) {}

  /** The guideline findings now, changing nothing: the version in force for an unsubmitted application, else the one it was submitted under. */
  async check(
    actor: Actor,
    id: string,
  ): Promise<{ findings: Finding[]; guidelineId: string; guidelineVersion: string }> {
    const application = await this.applicationRepository.find(actor, id);
    const today = todayIso();
    const guideline =
      application.guidelineId && !['draft', 'info_requested'].includes(application.status)
        ? await this.guidelines.get(application.guidelineId)
        : await this.guidelines.inForce(today);
    const findings = await this.checker.check(this.manager, application, toEngineGuideline(guideline), today);
    return { findings, guidelineId: guideline.id, guidelineVersion: guideline.version };
  }

  submit(actor: Actor, id: string) {
    return this.transition(actor, id, 'submit', async (tx, a) => {
      await this.submitIn(tx, actor, a);
      await this.notify(tx, actor, a, [toRole('application_submitted', 'contact_point')]);
    });
  }

  answer(actor: Actor, id: string, message: string) {
    return this.transition(actor, id, 'answer', async (tx, a) => {
      await this.say(tx, actor, a, 'answer', message);
      await this.submitIn(tx, actor, a);
      await this.notify(tx, actor, a, [toRole('application_answered', 'contact_point')]);
    });
  }

  withdraw(actor: Actor, id: string, reason: string) {
    return this.transition(actor, id, 'withdraw', async (tx, a) => {
      await this.releaseFirstApproval(tx, actor, a);
      await this.say(tx, actor, a, 'withdrawal', reason);
      a.status = statusAfter('withdraw', a.status);
    });
  }

  startReview(actor: Actor, id: string) {
    return this.transition(actor, id, 'start-review', async (_tx, a) => {
      a.status = statusAfter('start-review', a.status);
    });
  }

  requestInfo(actor: Actor, id: string, message: string) {
    return this.transition(actor, id, 'request-info', async (tx, a) => {
      await this.say(tx, actor, a, 'question', message);
      a.status = statusAfter('request-info', a.status);
      await this.notify(tx, actor, a, [toUnit('information_requested', a.unitId)]);
    });
  }

  reject(actor: Actor, id: string, reason: string) {
    return this.transition(actor, id, 'reject', async (tx, a) => {
      await this.releaseFirstApproval(tx, actor, a);
      await this.say(tx, actor, a, 'decision', reason);
      Object.assign(a, {
        status: statusAfter('reject', a.status),
        decidedAt: new Date(),
        decidedBy: actor.id,
        decisionReason: reason,
      });
      await this.notify(tx, actor, a, [toUnit('application_rejected', a.unitId)]);
    });
  }

  cancel(actor: Actor, id: string, reason: string) {
    return this.transition(actor, id, 'cancel', async (tx, a) => {
      const rest = unpaid(a);
      // a grant of an ended budget year that still holds money: a year-end decision, which finance hears of
      const [year] = rest > 0n ? await tx.query(`SELECT year FROM budget_years WHERE id = $1`, [a.budgetYearId]) : [];
      const yearEnd = year !== undefined && year.year < Number(todayIso().slice(0, 4));
      // the unpaid rest goes back to the pool; what was paid stays paid
      await this.ledger.release(tx, a, rest, actor.id);
      await this.say(tx, actor, a, 'decision', reason);
      a.status = statusAfter('cancel', a.status);
      await this.notify(tx, actor, a, [
        toUnit('grant_cancelled', a.unitId),
        ...(yearEnd ? [toRole('year_end_grant_cancelled', 'finance')] : []),
      ]);
    });
  }

  approve(actor: Actor, id: string, dto: ApproveDto) {
    return this.transition(actor, id, 'approve', async (tx, a) => {
      const amount = parseMoney(dto.amountApproved, 'amountApproved');
      if (amount > a.amountRequested) {
        throw fieldError('amountApproved', `must not exceed the amount requested (${a.amountRequested})`);
      }
      const second = a.status === 'awaiting_second_approval';
      if (second && amount !== a.firstApprovedAmount) {
        throw new ApplicationError(
          ApplicationErrorCode.SecondAmountDiffers,
          `The second approval must confirm the amount of the first (${a.firstApprovedAmount}); reject or ask for information instead`,
        );
      }
      // Everything no other decision changes is read before the budget year's lock, and the thread's
      // message written: under the lock, one read of what the pool and the case have left, the posting,
      // the application's row and the audit event, so that concurrent approvals queue for as short as can be.
      // Checked against the version in force when it was submitted, for the amount being granted.
      const guideline = toEngineGuideline(await this.guidelines.get(a.guidelineId!, tx));
      const facts = await this.checker.facts(tx, a);
      await this.say(tx, actor, a, 'decision', dto.reason);
      const outcome = approvalOutcome({
        status: a.status,
        amountRequested: a.amountRequested,
        amountApproved: amount,
        secondApprovalRequired: requiresSecondApproval(amount, guideline, a.categoryCode),
      });
      // the notices too, before the lock: a refusal below rolls them back with the rest
      await this.notify(
        tx,
        actor,
        a,
        outcome.needsSecondApproval
          ? [toRole('second_approval_waiting', 'contact_point')]
          : [
              toUnit(outcome.status === 'approved' ? 'application_approved' : 'application_partly_approved', a.unitId),
              ...(amount > 0n ? [toRole('grant_payable', 'finance')] : []),
            ],
      );
      // the year's row is locked before the pool is read, so concurrent approvals queue for the money
      const year = second ? await this.ledger.lockYear(tx, a.budgetYearId!) : await this.ledger.lockOpenYear(tx);
      const today = todayIso();
      const figures = await this.checker.standing(tx, a, today);
      const reserved = second ? a.firstApprovedAmount! : 0n;
      const findings = this.checker.evaluate(a, guideline, today, facts, figures, amount, reserved);
      const overrides = dto.overrides ?? [];
      const warned = new Set(findings.filter((f) => f.severity === 'warn').map((f) => f.rule));
      overrides.forEach((o, i) => {
        if (!warned.has(o.rule))
          throw fieldError(`overrides.${i}.rule`, `${o.rule} is not a warning of this application`);
      });
      // At the second approval the first approver's justifications stand: the second approver adds
      // their own words, or confirms without (the UI asks for that explicitly); never reuses the first's.
      const standing = second ? a.overrides.filter((o) => o.by === a.firstApprovedBy).map((o) => o.rule) : [];
      const blocking = findingsBlockingApproval(findings, [...overrides.map((o) => o.rule), ...standing]);
      if (blockFindings(blocking).length) {
        throw new ApplicationError(
          ApplicationErrorCode.BlockedByFindings,
          'A block finding stops the approval',
          findings,
        );
      }
      if (blocking.length) {
        throw new ApplicationError(
          ApplicationErrorCode.WarningsNotOverridden,
          `Override each warning with a written justification: ${blocking.map((f) => f.rule).join(', ')}`,
          findings,
        );
      }
      const at = new Date().toISOString();
      // the money is committed at the first approval, so that the second cannot find the pool empty
      if (!second) a.budgetYearId = await this.ledger.commit(tx, year, a, amount, actor.id);
      a.findings = findings;
      a.overrides = [
        ...a.overrides,
        ...overrides.map((o) => ({ rule: o.rule, justification: o.justification, by: actor.id, at })),
      ];
      a.status = outcome.status;
      // the first approver's payment instructions stand unless the second writes their own
      a.paymentInstructions = dto.paymentInstructions ?? a.paymentInstructions ?? null;
      if (outcome.needsSecondApproval) {
        Object.assign(a, { firstApprovedBy: actor.id, firstApprovedAt: new Date(), firstApprovedAmount: amount });
      } else {
        Object.assign(a, {
          amountApproved: amount,
          decidedAt: new Date(),
          decidedBy: actor.id,
          decisionReason: dto.reason,
          conditions: dto.conditions ?? null,
        });
      }
      for (const o of overrides) {
        await this.audit.recordChange(
          tx,
          actor,
          'application.override',
          { type: 'application', id: a.id },
          { rule: o.rule },
        );
      }
    });
  }

  /** The submission itself: findings against the version in force today, stored with it; a block stops it. */
  private async submitIn(tx: EntityManager, actor: Actor, a: Application): Promise<void> {
    const today = todayIso();
    const guideline = await this.guidelines.inForce(today, tx);
    const findings = await this.checker.check(tx, a, toEngineGuideline(guideline), today);
    if (blockFindings(findings).length) {
      throw new ApplicationError(
        ApplicationErrorCode.BlockedByFindings,
        'A block finding stops the submission',
        findings,
      );
    }
    Object.assign(a, {
      status: statusAfter('submit', a.status),
      findings,
      guidelineId: guideline.id,
      submittedAt: new Date(),
      submittedBy: actor.id,
      editors: a.editors.includes(actor.id) ? a.editors : [...a.editors, actor.id],
    });
  }

  /**
   * Year end: a grant's unpaid commitment moves to the next budget year, which
   * must be open and have room; the alternative is to cancel, releasing it.
   */
  carryOver(actor: Actor, id: string, reason: string) {
    return this.transition(actor, id, 'carry-over', async (tx, a) => {
      const rest = unpaid(a);
      const from = await this.ledger.lockYear(tx, a.budgetYearId!);
      const to = await this.ledger.lockOpenYear(tx, `${from.year + 1}-01-01`);
      await this.ledger.post(tx, from.id, a, 'release', rest, actor.id);
      a.budgetYearId = await this.ledger.commit(tx, to, a, rest, actor.id);
      await this.say(tx, actor, a, 'decision', reason);
      a.status = statusAfter('carry-over', a.status);
      await this.notify(tx, actor, a, [
        toUnit('grant_carried_over', a.unitId),
        ...(rest > 0n ? [toRole('year_end_grant_carried_over', 'finance')] : []),
      ]);
      return { fromYear: from.year, toYear: to.year, amount: String(rest) };
    });
  }

  /** A first approval above the threshold holds money; a rejection or withdrawal gives it back. */
  private async releaseFirstApproval(tx: EntityManager, actor: Actor, a: Application): Promise<void> {
    if (a.status === 'awaiting_second_approval') await this.ledger.release(tx, a, a.firstApprovedAmount!, actor.id);
  }

  /** The change's notices, in its transaction: to everyone they name but the actor. */
  private async notify(tx: EntityManager, actor: Actor, a: Application, notices: Notice[]): Promise<void> {
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
      notices,
    );
  }

  private async say(tx: EntityManager, actor: Actor, a: Application, kind: MessageKind, body: string): Promise<void> {
    await tx.insert(ApplicationMessage, { applicationId: a.id, authorId: actor.id, kind, body });
  }

  private async transition(
    actor: Actor,
    id: string,
    action: ApplicationAction,
    /** The change itself; what it returns goes into the audit event beside the statuses. */
    work: (tx: EntityManager, a: Application) => Promise<Record<string, unknown> | void>,
  ): Promise<ApplicationSummary | ApplicationDetail> {
    await withRetry(() =>
      this.manager.transaction(async (tx) => {
        const a = await this.applicationRepository.lock(tx, actor, id);
        if (!mayAct(action, actor.role)) {
          throw new ApplicationError(ApplicationErrorCode.NotYourRole, `Your role may not ${action} an application`);
        }
        refuseIfApplicationPurged(a);
        if (!canTransition(action, a.status)) {
          throw new ApplicationError(
            ApplicationErrorCode.WrongStatus,
            `Cannot ${action} an application that is ${a.status}`,
          );
        }
        refuseFourEyesBreach(action, actor, a);
        const from = a.status;
        const before = columnValues(tx, a);
        const details = await work(tx, a);
        // the columns the change set, in one UPDATE of the row this transaction has locked
        const changed = Object.entries(columnValues(tx, a)).filter(([k, v]) => !isDeepStrictEqual(v, before[k]));
        if (changed.length) await tx.update(Application, { id }, Object.fromEntries(changed));
        await this.audit.recordChange(
          tx,
          actor,
          `application.${action}`,
          { type: 'application', id },
          { from, to: a.status, ...details },
        );
      }),
    );
    // the answer is read once the change is committed and every lock it took released
    return this.applications.view(this.manager, actor, await this.applicationRepository.reload(this.manager, id));
  }
}

/** The application's updatable columns, by property, as copies that a change in place does not reach. */
function columnValues(tx: EntityManager, a: Application): Record<string, unknown> {
  const columns = tx.connection.getMetadata(Application).columns.filter((c) => c.isUpdate && !c.isUpdateDate);
  return Object.fromEntries(columns.map((c) => [c.propertyName, structuredClone(c.getEntityValue(a))]));
}

const BREACH_REFUSAL = {
  'own-application': [
    ApplicationErrorCode.OwnApplication,
    'You wrote or submitted this application; another contact point must decide it',
  ],
  'same-approver': [
    ApplicationErrorCode.SameApprover,
    'You gave the first approval; a second, different contact point must approve',
  ],
} as const;

/** Segregation of duties (libs/workflow's four-eyes rule), as this feature's refusals. */
function refuseFourEyesBreach(action: ApplicationAction, actor: Actor, a: Application): void {
  const breach = fourEyesBreach(action, actor.id, a);
  if (breach === null) return;
  const [code, message] = BREACH_REFUSAL[breach];
  throw new ApplicationError(code, message);
}
