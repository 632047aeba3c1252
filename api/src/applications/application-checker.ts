import { type ApplicationInput, type AttachmentKind, evaluate, type Finding, type Guideline } from '@app/guidelines';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Case } from '../cases/case.entity.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Application } from './application.entity.js';
import { moneyLeftOf, moneyLeftSql } from '../ledger/ledger.repository.js';

/** What the rules read that no decision on another application changes: the case's facts, the documents. */
export interface CheckFacts {
  facts: Case;
  attachmentKinds: AttachmentKind[];
  /** The parties of the workers who wrote and submitted the application. */
  involvedParties: string[];
}

/**
 * What the rules read that decisions change: what the case already has in this category, the
 * pool and the unit's allocation. An approval reads it under the budget year's lock.
 */
export interface StandingFigures {
  granted: bigint;
  previousSessionDates: string[];
  poolAvailable: bigint | null;
  unitAllocationRemaining: bigint | null;
}

/**
 * Builds what the pure guideline engine needs from the database — the case's
 * facts, the grants still standing for the same case and category, the
 * documents attached, the pool — and runs it.
 */
@Injectable()
export class ApplicationChecker {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async check(
    tx: EntityManager,
    application: Application,
    guideline: Guideline,
    today: string,
    amount: bigint = application.amountRequested,
    /** Money this application already holds in the pool (a first approval's commitment). */
    reserved: bigint = 0n,
  ): Promise<Finding[]> {
    const facts = await this.facts(tx, application);
    const standing = await this.standing(tx, application, today);
    return this.evaluate(application, guideline, today, facts, standing, amount, reserved);
  }

  async facts(tx: EntityManager, application: Application): Promise<CheckFacts> {
    const facts = await tx.findOneByOrFail(Case, { id: application.caseId });
    const [row]: { kinds: AttachmentKind[]; parties: string[] }[] = await tx.query(
      `SELECT ARRAY(SELECT DISTINCT kind FROM attachments WHERE application_id = $1) AS kinds,
              ARRAY(SELECT DISTINCT party FROM users WHERE id = ANY ($2::uuid[]) AND role = 'unit_worker') AS parties`,
      [application.id, [...application.editors, ...(application.submittedBy ? [application.submittedBy] : [])]],
    );
    return { facts, attachmentKinds: row.kinds, involvedParties: row.parties };
  }

  /** In one statement, so that an approval holds the year's lock for one round trip of reading. */
  async standing(tx: EntityManager, application: Application, today: string): Promise<StandingFigures> {
    const [row] = await tx.query(
      `WITH siblings AS (
         SELECT status, amount_approved, first_approved_amount, paid_amount, planned_session_dates
           FROM applications WHERE case_id = $1 AND category_code = $2 AND id <> $3)
       SELECT (SELECT coalesce(sum(CASE
                        WHEN status IN ('approved', 'partially_approved', 'paid') THEN amount_approved
                        WHEN status = 'awaiting_second_approval' THEN first_approved_amount
                        WHEN status = 'cancelled' THEN paid_amount
                        ELSE 0 END), 0)::text FROM siblings) AS granted,
              -- each grant once in the sum above; its planned dates one by one here
              (SELECT coalesce(array_agg(d::text ORDER BY d), '{}') FROM siblings, unnest(planned_session_dates) AS d
                WHERE status IN ('approved', 'partially_approved', 'paid')) AS dates,
              m.available, m.allocation_left
         FROM (${moneyLeftSql('$4::int', '$5::uuid')}) AS m`,
      [application.caseId, application.categoryCode, application.id, Number(today.slice(0, 4)), application.unitId],
    );
    const money = moneyLeftOf(row);
    return {
      granted: BigInt(row.granted),
      previousSessionDates: row.dates as string[],
      poolAvailable: money.available,
      unitAllocationRemaining: money.allocationLeft,
    };
  }

  /** The engine over what was read: no database. */
  evaluate(
    application: Application,
    guideline: Guideline,
    today: string,
    { facts, attachmentKinds, involvedParties }: CheckFacts,
    standing: StandingFigures,
    amount: bigint = application.amountRequested,
    reserved: bigint = 0n,
  ): Finding[] {
    const input: ApplicationInput = {
      categoryCode: application.categoryCode,
      amountRequested: application.amountRequested,
      amountToGrant: amount,
      urgent: application.urgent,
      ordinaryFundingConsidered: application.ordinaryFundingConsidered,
      // a purged line keeps its amounts, which is all the rules read
      lines: application.lines.map((l) => ({
        ...l,
        description: l.description ?? '',
        unitAmount: BigInt(l.unitAmount),
      })),
      attachmentKinds,
      plannedSessionDates: application.plannedSessionDates,
    };
    return evaluate(
      input,
      {
        today,
        case: {
          status: facts.status,
          birthYear: facts.birthYear,
          consentRecordedOn: facts.consentRecordedOn,
          consentParties: facts.consentParties,
          agreementSignedOn: facts.agreementSignedOn,
          programmeStart: facts.programmeStart,
        },
        grantedForCaseAndCategory: standing.granted,
        poolAvailable: plus(standing.poolAvailable, reserved),
        unitAllocationRemaining: plus(standing.unitAllocationRemaining, reserved),
        previousSessionDates: standing.previousSessionDates,
        involvedParties,
        currency: this.config.currency,
      },
      guideline,
    );
  }
}

/** Money this application already holds counts as still there for it. */
const plus = (left: bigint | null, reserved: bigint): bigint | null => (left === null ? null : left + reserved);
