import { CASE_STATUSES } from '@app/guidelines';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.decorators.js';
import { notFound } from '../common/errors.js';
import { type ListQuery, type ListSpec, type Page, queryPage } from '../common/list-query.js';
import { canSeeUnit, unitScope } from '../common/scope.js';
import { validationException } from '../common/validation.js';
import { refuseIfCasePurged } from '../retention/retention.errors.js';
import { Unit } from '../units/unit.entity.js';
import { Case } from './case.entity.js';
import { caseDateErrors, type CaseDateFacts } from './case-dates.js';
import type { CreateCaseDto, UpdateCaseDto } from './dto/case.dto.js';

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

@Injectable()
export class CasesService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly audit: AuditService,
  ) {}

  /** A page of the cases this user may see, and their total, in one statement. */
  list(actor: Actor, query: ListQuery): Promise<Page<Case>> {
    const scope = unitScope(actor);
    return queryPage(
      this.manager,
      query,
      CASE_LIST,
      { from: 'cases c', where: scope ? ['c.unit_id = :scope'] : [], named: { scope }, select: CASE_COLUMNS },
      (row) => row as unknown as Case,
    );
  }

  /** The case if this user may see it; another unit's case is 404, as if it did not exist. */
  async get(actor: Actor, id: string, tx: EntityManager = this.manager, lock = false): Promise<Case> {
    const found = await tx.findOne(Case, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!found || !canSeeUnit(actor, found.unitId)) throw notFound('Case');
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
      const reference = `${unit.code}-${year}-${String(number).padStart(3, '0')}`;
      const { id } = await tx.save(Case, {
        reference,
        unitId,
        year,
        number,
        status: dto.status ?? 'assessment',
        birthYear: dto.birthYear ?? null,
        consentRecordedOn: dto.consentRecordedOn ?? null,
        agreementSignedOn: dto.agreementSignedOn ?? null,
        programmeStart: dto.programmeStart ?? null,
        applicationCount: 0,
        createdBy: actor.id,
      });
      await this.audit.recordChange(tx, actor, 'case.create', { type: 'case', id }, { reference });
      return tx.findOneByOrFail(Case, { id });
    });
  }

  async update(actor: Actor, id: string, dto: UpdateCaseDto): Promise<Case> {
    return this.manager.transaction(async (tx) => {
      const current = await this.get(actor, id, tx, true);
      const changed = FACTS.filter((k) => dto[k] !== undefined && dto[k] !== current[k]);
      if (changed.some((k) => k !== 'status')) refuseIfCasePurged(current, 'they are not entered again');
      const next = { ...current, ...Object.fromEntries(changed.map((k) => [k, dto[k]])) };
      checkDates(next, dto);
      await tx.update(Case, { id }, Object.fromEntries(changed.map((k) => [k, dto[k]])));
      await this.audit.recordChange(tx, actor, 'case.update', { type: 'case', id }, { changed });
      return tx.findOneByOrFail(Case, { id });
    });
  }
}
