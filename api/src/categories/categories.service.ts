import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CatalogService } from '../common/catalog.service.js';
import type { ListSpec } from '../common/list-query.js';
import { Category } from './category.entity.js';

export const CATEGORY_LIST: ListSpec = {
  resource: 'categories',
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
export class CategoriesService extends CatalogService<Category> {
  protected readonly entity = Category;
  protected readonly spec = CATEGORY_LIST;
  protected readonly label = 'Category';
  protected readonly entityType = 'category';
  protected readonly uniqueConstraint = 'categories_code_unique';

  constructor(@InjectEntityManager() manager: EntityManager, audit: AuditService) {
    super(manager, audit);
  }
}
