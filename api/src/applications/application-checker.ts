import { type ApplicationInput, type AttachmentKind, evaluate, type Finding, type Guideline } from '@app/guidelines';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Case } from '../cases/case.entity.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Application } from './application.entity.js';
import { LedgerService } from '../ledger/ledger.service.js';

/**
 * Builds what the pure guideline engine needs from the database — the case's
 * facts, the grants still standing for the same case and category, the
 * documents attached, the pool — and runs it.
 */
@Injectable()
export class ApplicationChecker {
  constructor(
    private readonly ledger: LedgerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(
    tx: EntityManager,
    application: Application,
    guideline: Guideline,
    today: string,
    amount: bigint = application.amountRequested,
    /** Money this application already holds in the pool (a first approval's commitment). */
    reserved: bigint = 0n,
  ): Promise<Finding[]> {
    const facts = await tx.findOneByOrFail(Case, { id: application.caseId });
    const [standing] = await tx.query(
      `SELECT coalesce(sum(CASE
                WHEN status IN ('approved', 'partially_approved', 'paid') THEN amount_approved
                WHEN status = 'awaiting_second_approval' THEN first_approved_amount
                WHEN status = 'cancelled' THEN paid_amount
                ELSE 0 END), 0)::text AS granted,
              coalesce(array_agg(d::text ORDER BY d) FILTER (WHERE d IS NOT NULL AND status IN ('approved', 'partially_approved', 'paid')), '{}') AS dates
         FROM applications LEFT JOIN LATERAL unnest(planned_session_dates) AS d ON true
        WHERE case_id = $1 AND category_code = $2 AND id <> $3`,
      [application.caseId, application.categoryCode, application.id],
    );
    const attachments: { kind: AttachmentKind }[] = await tx.query(
      `SELECT DISTINCT kind FROM attachments WHERE application_id = $1`,
      [application.id],
    );
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
      attachmentKinds: attachments.map((a) => a.kind),
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
          agreementSignedOn: facts.agreementSignedOn,
          programmeStart: facts.programmeStart,
        },
        grantedForCaseAndCategory: BigInt(standing.granted),
        poolAvailable: plus(await this.ledger.availableOn(tx, today), reserved),
        unitAllocationRemaining: plus(await this.ledger.allocationLeftOn(tx, application.unitId, today), reserved),
        previousSessionDates: standing.dates as string[],
        currency: this.config.currency,
      },
      guideline,
    );
  }
}

/** Money this application already holds counts as still there for it. */
const plus = (left: bigint | null, reserved: bigint): bigint | null => (left === null ? null : left + reserved);
