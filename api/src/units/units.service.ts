import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CatalogService, catalogList } from '../common/catalog.service.js';
import { Unit } from './unit.entity.js';

export const UNIT_LIST = catalogList('units');

@Injectable()
export class UnitsService extends CatalogService<Unit> {
  protected readonly entity = Unit;
  protected readonly spec = UNIT_LIST;
  protected readonly label = 'Unit';
  protected readonly entityType = 'unit';
  protected readonly uniqueConstraint = 'units_code_unique';

  constructor(@InjectEntityManager() manager: EntityManager, audit: AuditService) {
    super(manager, audit);
  }
}
