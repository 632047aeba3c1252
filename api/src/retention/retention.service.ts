import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { withRetry } from '../common/transaction.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { describeError } from '../database/start-failure.js';
import { JobsService } from '../jobs/jobs.service.js';
import { latestDueStart } from './retention-dates.js';

export const RETENTION_JOB = 'retention-purge';
/** Serialises purge runs across processes (the daily job and `npm run purge`). */
const PURGE_LOCK = 7310009;
const BATCH = 50;

export interface PurgeCounts {
  applications: number;
  messages: number;
  attachments: number;
  cases: number;
  /** Advice requests whose question and thread went with their case. */
  adviceRequests: number;
  /** Admission reviews whose reasons and thread went with their case. */
  admissionReviews: number;
  /** Applications whose purge failed this run; the job is then retried. */
  failed: number;
}

export interface PurgeRun extends PurgeCounts {
  trigger: 'job' | 'command';
  /** The installation's date the run took as today. */
  asOf: string;
  retentionMonths: number;
  /** Every application whose clock started on or before this day was due. */
  dueThrough: string;
  outcome: 'completed' | 'failed' | 'interrupted';
}

/**
 * An application's clock starts on the later of the day it reached its final state and the day its
 * budget year (the year its grant draws on, or for one without a grant the year it became final)
 * was closed; without such a budget year there are no books to wait for. $1: time zone, $2: the
 * last due start day.
 */
const DUE = `
  FROM applications a
  LEFT JOIN budget_years y ON y.id = coalesce(a.budget_year_id,
    (SELECT b.id FROM budget_years b WHERE b.year = extract(year FROM a.final_at AT TIME ZONE $1)::int))
 WHERE a.purged_at IS NULL AND a.final_at IS NOT NULL
   AND (y.id IS NULL OR y.status = 'closed')
   AND greatest((a.final_at AT TIME ZONE $1)::date, (y.closed_at AT TIME ZONE $1)::date) <= $2::date`;

/** The installation's time zone (TZ), in which "the day" of a final state or a closing is read. */
const timeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * Retention: narratives are purged RETENTION_MONTHS after an application's
 * clock started, the books stay. Per application, in one transaction: its
 * justification, line descriptions, decision reason, conditions and override
 * justifications become NULL (the amounts stay, and the lines' CHECK still
 * sums them), its thread and attachments are deleted; then a case whose
 * applications are all purged loses its birth year and dates, and its advice
 * requests their question and thread (closed, kept as a dated record). Amounts, dates
 * of decisions and payments, unit, category, reference, every posting and
 * every payment stay. Idempotent: what is purged is marked and never due again.
 */
@Injectable()
export class RetentionService implements OnModuleInit {
  private readonly logger = new Logger('Retention');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: RETENTION_JOB,
      cron: this.config.retentionSchedule,
      run: async (_data, context) => {
        const run = await this.purge('job', context.signal);
        if (run.outcome !== 'completed') throw new Error(`The purge ${run.outcome}: ${run.failed} application(s) left`);
        return run;
      },
    });
  }

  /** One purge run, now: every due application and every case left with only purged ones. Audited with its counts. */
  async purge(trigger: PurgeRun['trigger'], signal?: AbortSignal): Promise<PurgeRun> {
    const asOf = this.clock.today();
    const retentionMonths = this.config.retentionMonths;
    const dueThrough = latestDueStart(asOf, retentionMonths);
    const counts: PurgeCounts = {
      applications: 0,
      messages: 0,
      attachments: 0,
      cases: 0,
      adviceRequests: 0,
      admissionReviews: 0,
      failed: 0,
    };
    const lock = this.db.createQueryRunner();
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [PURGE_LOCK]);
      let outcome: PurgeRun['outcome'] = 'completed';
      try {
        const stopped = await this.purgeApplications(dueThrough, counts, signal);
        if (!stopped) await this.purgeCases(dueThrough, counts, signal);
        if (stopped || signal?.aborted) outcome = 'interrupted';
        else if (counts.failed) outcome = 'failed';
      } catch (error) {
        this.logger.error(`The purge stopped: ${describeError(error)}`);
        outcome = 'failed';
      }
      const run: PurgeRun = { trigger, asOf, retentionMonths, dueThrough, ...counts, outcome };
      await this.audit.record({
        actorId: null,
        action: 'retention.purge',
        entityType: 'retention',
        details: { ...run },
      });
      this.logger.log(
        `Purge ${outcome} (as of ${asOf}, ${retentionMonths} months): ${counts.applications} application(s), ` +
          `${counts.messages} message(s), ${counts.attachments} attachment(s), ${counts.cases} case(s), ` +
          `${counts.adviceRequests} advice request(s), ${counts.failed} failed`,
      );
      return run;
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [PURGE_LOCK]).catch(() => undefined);
      await lock.release();
    }
  }

  /** Every due application, oldest first, each in its own transaction; true when stopped by the signal. */
  private async purgeApplications(dueThrough: string, counts: PurgeCounts, signal?: AbortSignal): Promise<boolean> {
    const failed: string[] = [];
    for (;;) {
      const batch: { id: string }[] = await this.db.query(
        `SELECT a.id ${DUE} AND NOT (a.id = ANY($3::uuid[])) ORDER BY a.final_at, a.id LIMIT ${BATCH}`,
        [timeZone(), dueThrough, failed],
      );
      if (!batch.length) return false;
      for (const { id } of batch) {
        if (signal?.aborted) return true;
        try {
          const purged = await this.purgeApplication(id, dueThrough);
          if (!purged) continue;
          counts.applications += 1;
          counts.messages += purged.messages;
          counts.attachments += purged.attachments;
        } catch (error) {
          // the others go on; the run fails at the end, so that the job is retried
          this.logger.error(`The purge of application ${id} failed: ${describeError(error)}`);
          failed.push(id);
          counts.failed += 1;
        }
      }
    }
  }

  private purgeApplication(id: string, dueThrough: string): Promise<{ messages: number; attachments: number } | null> {
    return withRetry(() =>
      this.db.transaction(async (tx) => {
        // locked and checked again: another run may have purged it meanwhile
        const [due] = await tx.query(`SELECT a.id ${DUE} AND a.id = $3 FOR UPDATE OF a`, [timeZone(), dueThrough, id]);
        if (!due) return null;
        const messages = await deleted(tx, `DELETE FROM application_messages WHERE application_id = $1`, id);
        // the attachments' stored bytes go with their rows
        const attachments = await deleted(tx, `DELETE FROM attachments WHERE application_id = $1`, id);
        await tx.query(
          `UPDATE applications SET
             justification = NULL, decision_reason = NULL, conditions = NULL, payment_instructions = NULL,
             lines = (SELECT coalesce(jsonb_agg(jsonb_set(l, '{description}', 'null') ORDER BY i), '[]'::jsonb)
                        FROM jsonb_array_elements(lines) WITH ORDINALITY AS t(l, i)),
             overrides = (SELECT coalesce(jsonb_agg(jsonb_set(o, '{justification}', 'null') ORDER BY i), '[]'::jsonb)
                            FROM jsonb_array_elements(overrides) WITH ORDINALITY AS t(o, i)),
             purged_at = now()
           WHERE id = $1`,
          [id],
        );
        return { messages, attachments };
      }),
    );
  }

  /**
   * Cases with applications, all of them purged: their birth year and dates go too, and their admission
   * narrative (the assessment, the reasons, a review's thread). A refused case without applications goes
   * once its admission is final (no review open) and the later of the refusal and the review's decision
   * is as old as an application's clock must be.
   */
  private async purgeCases(dueThrough: string, counts: PurgeCounts, signal?: AbortSignal): Promise<void> {
    const left = `c.purged_at IS NULL AND (
      (EXISTS (SELECT 1 FROM applications a WHERE a.case_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.case_id = c.id AND a.purged_at IS NULL))
      OR (c.status = 'refused'
        AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.case_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM admission_reviews r WHERE r.case_id = c.id AND r.status NOT IN ('upheld', 'admitted'))
        AND (SELECT (greatest(s.decided_at, (SELECT r.decided_at FROM admission_reviews r WHERE r.case_id = c.id))
                       AT TIME ZONE $1)::date
               FROM case_assessments s WHERE s.case_id = c.id) <= $2::date))`;
    for (;;) {
      const batch: { id: string }[] = await this.db.query(
        `SELECT c.id FROM cases c WHERE ${left} ORDER BY c.id LIMIT ${BATCH}`,
        [timeZone(), dueThrough],
      );
      if (!batch.length || signal?.aborted) return;
      for (const { id } of batch) {
        // the case row is locked as a new application locks it, so none slips in between
        const purged = await withRetry(() =>
          this.db.transaction(async (tx) => {
            const [due] = await tx.query(`SELECT c.id FROM cases c WHERE c.id = $3 AND ${left} FOR UPDATE OF c`, [
              timeZone(),
              dueThrough,
              id,
            ]);
            if (!due) return null;
            await tx.query(
              `UPDATE cases SET birth_year = NULL, consent_recorded_on = NULL, agreement_signed_on = NULL,
                 programme_start = NULL, consent_given_on = NULL, consent_withdrawn_on = NULL, purged_at = now()
               WHERE id = $1`,
              [id],
            );
            // why the case moved between units is narrative too (a purged case takes no new proposal)
            await tx.query(
              `UPDATE case_transfers SET reason = NULL, decision_reason = NULL WHERE case_id = $1 AND status <> 'proposed'`,
              [id],
            );
            // who may see the case stays; why consent was withdrawn goes
            await tx.query(`DELETE FROM case_consent_withdrawals WHERE case_id = $1`, [id]);
            const advice = await purgeAdvice(tx, id);
            return { ...(await this.purgeAdmission(tx, id)), advice };
          }),
        );
        if (purged === null) continue;
        counts.cases += 1;
        counts.adviceRequests += purged.advice;
        counts.admissionReviews += purged.reviews;
        counts.messages += purged.messages;
      }
    }
  }

  /** A case's admission narrative: the assessment's texts and reasons, a review's reason and thread. */
  private async purgeAdmission(tx: EntityManager, caseId: string): Promise<{ reviews: number; messages: number }> {
    const messages = await deleted(
      tx,
      `DELETE FROM admission_review_messages WHERE review_id IN (SELECT id FROM admission_reviews WHERE case_id = $1)`,
      caseId,
    );
    const [, reviews] = await tx.query(
      `UPDATE admission_reviews SET decision_reason = NULL, purged_at = now() WHERE case_id = $1`,
      [caseId],
    );
    await tx.query(
      `UPDATE case_assessments SET push_factors = NULL, pull_factors = NULL, own_explanation = NULL,
         help_wished = NULL, understands_leaving = NULL, understands_lifestyle = NULL, steps_taken = NULL,
         will_to_cooperate = NULL, decision_reason = NULL, purged_at = now()
       WHERE case_id = $1`,
      [caseId],
    );
    return { reviews: Number(reviews), messages };
  }
}

/** The case's advice: the threads deleted, each question NULL and the request closed; answers how many requests. */
async function purgeAdvice(tx: EntityManager, caseId: string): Promise<number> {
  await tx.query(
    `DELETE FROM advice_messages WHERE advice_request_id IN (SELECT id FROM advice_requests WHERE case_id = $1)`,
    [caseId],
  );
  const [, count] = await tx.query(
    `UPDATE advice_requests SET question = NULL, status = 'closed', closed_at = coalesce(closed_at, now()),
       updated_at = now(), purged_at = now()
     WHERE case_id = $1 AND purged_at IS NULL`,
    [caseId],
  );
  return Number(count);
}

async function deleted(tx: EntityManager, sql: string, id: string): Promise<number> {
  // TypeORM answers a DELETE as [rows, count]
  const [, count] = await tx.query(sql, [id]);
  return Number(count);
}
