import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CatalogService, catalogList } from '../common/catalog.service.js';
import { Category } from './category.entity.js';

export const CATEGORY_LIST = catalogList('categories');

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
