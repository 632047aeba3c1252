import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.decorators.js';
import { Case } from '../cases/case.entity.js';
import { CasesService } from '../cases/cases.service.js';
import { withRetry } from '../common/transaction.js';
import { AdmissionError, AdmissionErrorCode } from './admission.errors.js';
import { ASSESSMENT_FIELDS, type AdmissionDecision, CaseAssessment } from './case-assessment.entity.js';
import type { AssessmentDto } from './dto/assessment.dto.js';

export interface AssessmentRecord extends Omit<CaseAssessment, 'id' | 'participants' | 'updatedAt'> {
  missing: string[];
}

/** The fields an assessment still lacks before the unit can decide on it. */
export const missingFields = (a: Partial<CaseAssessment> | null): string[] =>
  ASSESSMENT_FIELDS.filter((f) => a?.[f] === null || a?.[f] === undefined);

export function toAssessmentRecord(caseId: string, a: CaseAssessment | null): AssessmentRecord {
  return {
    caseId,
    pushFactors: a?.pushFactors ?? null,
    pullFactors: a?.pullFactors ?? null,
    ownExplanation: a?.ownExplanation ?? null,
    helpWished: a?.helpWished ?? null,
    fearAlone: a?.fearAlone ?? null,
    understandsLeaving: a?.understandsLeaving ?? null,
    understandsLifestyle: a?.understandsLifestyle ?? null,
    stepsTaken: a?.stepsTaken ?? null,
    willToCooperate: a?.willToCooperate ?? null,
    decision: a?.decision ?? null,
    decisionReason: a?.decisionReason ?? null,
    decidedBy: a?.decidedBy ?? null,
    decidedAt: a?.decidedAt ?? null,
    purgedAt: a?.purgedAt ?? null,
    missing: a?.purgedAt ? [] : missingFields(a),
  };
}

/**
 * The unit's side of admission: its structured assessment of a case in
 * `assessment`, and its decision (`admit`: the case is active; `refuse`: the
 * case is `refused`, open to a review by the contact point). Each change in one
 * transaction that locks the case row; the assessment is narrative and each read audited.
 */
@Injectable()
export class CaseAdmissionService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly cases: CasesService,
    private readonly audit: AuditService,
  ) {}

  async assessment(actor: Actor, caseId: string): Promise<AssessmentRecord> {
    const found = await this.cases.get(actor, caseId);
    const assessment = await this.manager.findOneBy(CaseAssessment, { caseId: found.id });
    await this.audit.record({
      actorId: actor.id,
      action: 'case.assessment_read',
      entityType: 'case',
      entityId: caseId,
    });
    return toAssessmentRecord(caseId, assessment);
  }

  async writeAssessment(actor: Actor, caseId: string, dto: AssessmentDto): Promise<AssessmentRecord> {
    const saved = await withRetry(() =>
      this.manager.transaction(async (tx) => {
        const found = await this.lockInAssessment(tx, actor, caseId, 'its assessment can no longer change');
        const current = await tx.findOneBy(CaseAssessment, { caseId });
        const changed = ASSESSMENT_FIELDS.filter((f) => dto[f] !== undefined);
        const values = Object.fromEntries(changed.map((f) => [f, dto[f]]));
        if (current) {
          await tx.update(
            CaseAssessment,
            { id: current.id },
            { ...values, participants: withActor(current.participants, actor), updatedAt: new Date() },
          );
        } else {
          await tx.insert(CaseAssessment, { caseId: found.id, ...values, participants: [actor.id] });
        }
        await this.audit.recordChange(tx, actor, 'case.assessment_update', { type: 'case', id: caseId }, { changed });
        return tx.findOneByOrFail(CaseAssessment, { caseId });
      }),
    );
    return toAssessmentRecord(caseId, saved);
  }

  admit(actor: Actor, caseId: string): Promise<Case> {
    return this.decide(actor, caseId, 'admitted', null);
  }

  refuse(actor: Actor, caseId: string, reason: string): Promise<Case> {
    return this.decide(actor, caseId, 'refused', reason);
  }

  private async decide(actor: Actor, caseId: string, decision: AdmissionDecision, reason: string | null) {
    return withRetry(() =>
      this.manager.transaction(async (tx) => {
        await this.lockInAssessment(tx, actor, caseId, 'the unit has decided already');
        const assessment = await tx.findOneBy(CaseAssessment, { caseId });
        const missing = missingFields(assessment);
        if (!assessment || missing.length) {
          throw new AdmissionError(
            AdmissionErrorCode.AssessmentIncomplete,
            `Complete the assessment before deciding; missing: ${missing.join(', ')}`,
            { missing },
          );
        }
        await tx.update(
          CaseAssessment,
          { id: assessment.id },
          {
            decision,
            decisionReason: reason,
            decidedBy: actor.id,
            decidedAt: new Date(),
            participants: withActor(assessment.participants, actor),
            updatedAt: new Date(),
          },
        );
        const status = decision === 'admitted' ? 'active' : 'refused';
        await tx.update(Case, { id: caseId }, { status });
        await this.audit.recordChange(
          tx,
          actor,
          decision === 'admitted' ? 'case.admit' : 'case.refuse',
          { type: 'case', id: caseId },
          { from: 'assessment', to: status },
        );
        return tx.findOneByOrFail(Case, { id: caseId });
      }),
    );
  }

  /** The case, locked, if this user may see it and it is still in assessment; 409 otherwise. */
  private async lockInAssessment(tx: EntityManager, actor: Actor, caseId: string, why: string): Promise<Case> {
    const found = await this.cases.get(actor, caseId, tx, true);
    if (found.status !== 'assessment') {
      throw new AdmissionError(
        AdmissionErrorCode.CaseWrongStatus,
        `Case ${found.reference} is ${found.status}, not in assessment: ${why}`,
      );
    }
    return found;
  }
}

const withActor = (ids: string[], actor: Actor): string[] => (ids.includes(actor.id) ? ids : [...ids, actor.id]);
