import type { CaseConsent, UnitParty } from '@app/contract';
import { CASE_STATUSES } from '@app/guidelines';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.decorators.js';
import { todayIso } from '../common/dates.js';
import { fieldError, notFound } from '../common/errors.js';
import { type ListQuery, type ListSpec, type Page, queryPage } from '../common/list-query.js';
import { canSeeCase, partyScope, unitScope } from '../common/scope.js';
import { validationException } from '../common/validation.js';
import { refuseIfCasePurged } from '../retention/retention.errors.js';
import { Unit } from '../units/unit.entity.js';
import { Case } from './case.entity.js';
import { caseDateErrors, type CaseDateFacts } from './case-dates.js';
import { CaseConsentWithdrawal } from './case-consent-withdrawal.entity.js';
import { CaseError, CaseErrorCode } from './cases.errors.js';
import type { ConsentDto, CreateCaseDto, UpdateCaseDto, WithdrawConsentDto } from './dto/case.dto.js';

export const CASE_LIST: ListSpec = {
  resource: 'cases',
  fields: {
    id: { column: 'c.id', type: 'uuid' },
    reference: { column: 'c.reference', type: 'string', sortable: true },
    unitId: { column: 'c.unit_id', type: 'uuid', sortable: true },
    status: { column: 'c.status', type: 'string', sortable: true, values: CASE_STATUSES },
    birthYear: { column: 'c.birth_year', type: 'integer', sortable: true },
    programmeStart: { column: 'c.programme_start', type: 'date', sortable: true },
    createdAt: { column: 'c.created_at', type: 'timestamp', sortable: true },
    updatedAt: { column: 'c.updated_at', type: 'timestamp', sortable: true },
  },
  search: ['c.reference'],
  defaultSort: ['createdAt', 'DESC'],
};

// the entity's selected columns, dates as the entity reads them (`YYYY-MM-DD`)
const CASE_COLUMNS = [
  'c.id AS id',
  'c.reference AS reference',
  'c.unit_id AS "unitId"',
  'c.status AS status',
  'c.birth_year AS "birthYear"',
  `to_char(c.consent_recorded_on, 'YYYY-MM-DD') AS "consentRecordedOn"`,
  `to_char(c.agreement_signed_on, 'YYYY-MM-DD') AS "agreementSignedOn"`,
  `to_char(c.programme_start, 'YYYY-MM-DD') AS "programmeStart"`,
  'c.opened_party AS "openedParty"',
  'c.consent_parties AS "consentParties"',
  `to_char(c.consent_given_on, 'YYYY-MM-DD') AS "consentGivenOn"`,
  `to_char(c.consent_withdrawn_on, 'YYYY-MM-DD') AS "consentWithdrawnOn"`,
  'c.access_parties AS "accessParties"',
  'c.created_by AS "createdBy"',
  'c.created_at AS "createdAt"',
  'c.updated_at AS "updatedAt"',
  'c.purged_at AS "purgedAt"',
];

/** 400 naming each date that comes before the candidate's birth year. */
function checkDates(facts: CaseDateFacts, dto: object): void {
  const sent = Object.keys(dto).filter((k) => (dto as Record<string, unknown>)[k] !== undefined);
  const errors = caseDateErrors(facts, sent);
  if (Object.keys(errors).length > 0) throw validationException(errors);
}

const FACTS = ['status', 'birthYear', 'consentRecordedOn', 'agreementSignedOn', 'programmeStart'] as const;

type StoredConsent = 'consentParties' | 'consentGivenOn' | 'consentWithdrawnOn';

/** A case as the API answers it: the consent as one object (`cases.consent`), null until recorded. */
export type CaseRecord = Omit<Case, StoredConsent | 'year' | 'number' | 'applicationCount'> & {
  consent: CaseConsent | null;
};

export function toCaseRecord(c: Case): CaseRecord {
  const { consentParties, consentGivenOn, consentWithdrawnOn, ...rest } = c;
  delete (rest as Partial<Case>).year;
  delete (rest as Partial<Case>).number;
  delete (rest as Partial<Case>).applicationCount;
  return {
    ...rest,
    // after the retention purge the date is gone and the parties stay: the consent is no longer shown
    consent:
      consentParties && consentGivenOn
        ? { parties: consentParties, givenOn: consentGivenOn, withdrawnOn: consentWithdrawnOn }
        : null,
  };
}

/** 400 unless every party named is one of the unit's. */
function checkUnitParties(field: string, parties: readonly UnitParty[], unit: Unit): void {
  const foreign = parties.filter((p) => !unit.parties.includes(p));
  if (foreign.length) {
    throw fieldError(field, `${foreign.join(', ')} is not a party of the unit (${unit.parties.join(', ')})`);
  }
}

@Injectable()
export class CasesService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly audit: AuditService,
  ) {}

  /** A page of the cases this user may see, and their total, in one statement. */
  list(actor: Actor, query: ListQuery): Promise<Page<CaseRecord>> {
    const scope = unitScope(actor);
    return queryPage(
      this.manager,
      query,
      CASE_LIST,
      {
        from: 'cases c',
        // the worker's unit, and of it the cases whose consent covers the worker's party
        where: scope ? ['c.unit_id = :scope', ':party = ANY (c.access_parties)'] : [],
        named: { scope, party: partyScope(actor) },
        select: CASE_COLUMNS,
      },
      (row) => toCaseRecord(row as unknown as Case),
    );
  }

  /** The case if this user may see it; another unit's case is 404, as if it did not exist. */
  async get(actor: Actor, id: string, tx: EntityManager = this.manager, lock = false): Promise<Case> {
    const found = await tx.findOne(Case, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!found || !canSeeCase(actor, found)) throw notFound('Case');
    return found;
  }

  async create(actor: Actor, dto: CreateCaseDto): Promise<Case> {
    const unitId = actor.unitId!;
    checkDates(
      {
        birthYear: dto.birthYear ?? null,
        consentRecordedOn: dto.consentRecordedOn ?? null,
        agreementSignedOn: dto.agreementSignedOn ?? null,
        programmeStart: dto.programmeStart ?? null,
      },
      dto,
    );
    return this.manager.transaction(async (tx) => {
      const year = new Date().getUTCFullYear();
      // the counter row serializes concurrent creations in one unit and year
      const [{ last_number: number }] = await tx.query(
        `INSERT INTO case_counters (unit_id, year, last_number) VALUES ($1, $2, 1)
         ON CONFLICT (unit_id, year) DO UPDATE SET last_number = case_counters.last_number + 1
         RETURNING last_number`,
        [unitId, year],
      );
      const unit = await tx.findOneByOrFail(Unit, { id: unitId });
      const consent = consentOnCreate(dto, unit);
      const reference = `${unit.code}-${year}-${String(number).padStart(3, '0')}`;
      const { id } = await tx.save(Case, {
        reference,
        unitId,
        year,
        number,
        status: dto.status ?? 'assessment',
        birthYear: dto.birthYear ?? null,
        consentRecordedOn: dto.consentRecordedOn ?? consent?.givenOn ?? null,
        openedParty: actor.party as UnitParty,
        consentParties: consent?.parties ?? null,
        consentGivenOn: consent?.givenOn ?? null,
        agreementSignedOn: dto.agreementSignedOn ?? null,
        programmeStart: dto.programmeStart ?? null,
        applicationCount: 0,
        createdBy: actor.id,
      });
      await this.audit.recordChange(
        tx,
        actor,
        'case.create',
        { type: 'case', id },
        { reference, ...(consent && { consentParties: consent.parties }) },
      );
      return tx.findOneByOrFail(Case, { id });
    });
  }

  async update(actor: Actor, id: string, dto: UpdateCaseDto): Promise<Case> {
    return this.manager.transaction(async (tx) => {
      const current = await this.get(actor, id, tx, true);
      const changed = FACTS.filter((k) => dto[k] !== undefined && dto[k] !== current[k]);
      if (changed.some((k) => k !== 'status') || dto.consent) refuseIfCasePurged(current, 'they are not entered again');
      const next = { ...current, ...Object.fromEntries(changed.map((k) => [k, dto[k]])) };
      checkDates(next, dto);
      const consent = await this.consentOnUpdate(tx, current, dto);
      const columns: Partial<Case> = Object.fromEntries(changed.map((k) => [k, dto[k]]));
      if (consent) {
        // a consent given again after a withdrawal starts afresh; the withdrawals stay on record
        Object.assign(columns, {
          consentParties: consent.parties,
          consentGivenOn: consent.givenOn,
          consentWithdrawnOn: null,
        });
        // the date consent was first given, once
        if (!current.consentRecordedOn && !columns.consentRecordedOn) columns.consentRecordedOn = consent.givenOn;
      }
      if (Object.keys(columns).length) await tx.update(Case, { id }, columns);
      await this.audit.recordChange(
        tx,
        actor,
        'case.update',
        { type: 'case', id },
        { changed: consent ? [...changed, 'consent'] : changed, ...(consent && { consentParties: consent.parties }) },
      );
      return tx.findOneByOrFail(Case, { id });
    });
  }

  /**
   * The candidate withdraws consent from some parties or all: their workers lose the case at once
   * (from the next request on), new applications stop when no party is left, and the books stay.
   */
  async withdrawConsent(actor: Actor, id: string, dto: WithdrawConsentDto): Promise<Case> {
    return this.manager.transaction(async (tx) => {
      const current = await this.get(actor, id, tx, true);
      const covered = current.consentParties ?? [];
      if (!covered.length || !current.consentGivenOn) {
        throw new CaseError(
          CaseErrorCode.ConsentNotRecorded,
          `${current.reference} has no consent to withdraw: none is recorded, or it was withdrawn from every party`,
        );
      }
      const parties = dto.parties ?? covered;
      const outside = parties.filter((p) => !covered.includes(p));
      if (outside.length) throw fieldError('parties', `the consent does not cover ${outside.join(', ')}`);
      const remaining = covered.filter((p) => !parties.includes(p));
      const today = todayIso();
      await tx.update(Case, { id }, { consentParties: remaining, consentWithdrawnOn: today });
      await tx.insert(CaseConsentWithdrawal, {
        caseId: id,
        parties,
        reason: dto.reason,
        withdrawnOn: today,
        createdBy: actor.id,
      });
      await this.audit.recordChange(
        tx,
        actor,
        'case.withdraw_consent',
        { type: 'case', id },
        { withdrawn: parties, remaining },
      );
      return tx.findOneByOrFail(Case, { id });
    });
  }

  /** The consent a change records: a first consent, or one that covers more parties; null when unchanged. */
  private async consentOnUpdate(tx: EntityManager, current: Case, dto: UpdateCaseDto): Promise<ConsentDto | null> {
    const unit = await tx.findOneByOrFail(Unit, { id: current.unitId });
    if (!dto.consent) {
      // a first consent date alone covers every party of the unit, as on creation
      return dto.consentRecordedOn && current.consentParties === null
        ? { parties: unit.parties, givenOn: dto.consentRecordedOn }
        : null;
    }
    checkUnitParties('consent.parties', dto.consent.parties, unit);
    const dropped = (current.consentParties ?? []).filter((p) => !dto.consent!.parties.includes(p));
    if (dropped.length) {
      throw fieldError(
        'consent.parties',
        `may only add parties; ${dropped.join(', ')} would be left out: withdraw consent for them instead`,
      );
    }
    return dto.consent;
  }
}

/** The consent a new case records: the one sent, or with a consent date alone every party of the unit. */
function consentOnCreate(dto: CreateCaseDto, unit: Unit): ConsentDto | null {
  if (dto.consent) {
    checkUnitParties('consent.parties', dto.consent.parties, unit);
    if (dto.consentRecordedOn && dto.consent.givenOn < dto.consentRecordedOn) {
      throw fieldError('consent.givenOn', 'must not be before consentRecordedOn, the date consent was first given');
    }
    return dto.consent;
  }
  return dto.consentRecordedOn ? { parties: unit.parties, givenOn: dto.consentRecordedOn } : null;
}
