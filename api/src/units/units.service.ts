import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CatalogService } from '../common/catalog.service.js';
import type { ListSpec } from '../common/list-query.js';
import { Unit } from './unit.entity.js';

export const UNIT_LIST: ListSpec = {
  resource: 'units',
  fields: {
    id: { column: 'c.id', type: 'uuid' },
    code: { column: 'c.code', type: 'string', sortable: true },
    name: { column: 'c.name', type: 'string', sortable: true },
    active: { column: 'c.active', type: 'boolean', sortable: true },
  },
  search: ['c.code', 'c.name'],
  defaultSort: ['code', 'ASC'],
};

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
