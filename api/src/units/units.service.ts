import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CatalogService, catalogList } from '../common/catalog.service.js';
import { Unit } from './unit.entity.js';
import type { UnitParty } from '@app/contract';
import { fieldError } from '../common/errors.js';

export const UNIT_LIST = catalogList('units');

@Injectable()
export class UnitsService extends CatalogService<Unit, 'parties'> {
  protected readonly entity = Unit;
  protected readonly spec = UNIT_LIST;
  protected readonly label = 'Unit';
  protected readonly entityType = 'unit';
  protected readonly uniqueConstraint = 'units_code_unique';

  constructor(@InjectEntityManager() manager: EntityManager, audit: AuditService) {
    super(manager, audit);
  }

  /** A unit keeps every party one of its workers belongs to. */
  protected override async checkUpdate(tx: EntityManager, current: Unit, dto: { parties?: readonly UnitParty[] }) {
    if (!dto.parties) return;
    const kept = new Set<string>(dto.parties);
    const rows: { party: string }[] = await tx.query(
      `SELECT DISTINCT party FROM users WHERE unit_id = $1 AND role = 'unit_worker' ORDER BY party`,
      [current.id],
    );
    const missing = rows.map((r) => r.party).filter((p) => !kept.has(p));
    if (missing.length) {
      throw fieldError('parties', `must keep ${missing.join(', ')}: workers of the unit belong to it; move them first`);
    }
  }
}
