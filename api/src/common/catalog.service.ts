import { isDeepStrictEqual } from 'node:util';
import type { EntityManager, EntityTarget } from 'typeorm';
import type { Actor } from '../auth/auth.decorators.js';
import type { AuditService } from '../audit/audit.service.js';
import { isUniqueViolation, notFound, uniqueConflict } from './errors.js';
import { findPage, type ListQuery, type ListSpec, type Page } from './list-query.js';

interface CatalogEntry {
  id: string;
  code: string;
  name: string;
  active: boolean;
}

/** The list of units or of categories: both are listed, sorted and searched by the same fields. */
export function catalogList(resource: string): ListSpec {
  return {
    resource,
    fields: {
      id: { column: 'c.id', type: 'uuid' },
      code: { column: 'c.code', type: 'string', sortable: true },
      name: { column: 'c.name', type: 'string', sortable: true },
      active: { column: 'c.active', type: 'boolean', sortable: true },
    },
    search: ['c.code', 'c.name'],
    defaultSort: ['code', 'ASC'],
  };
}

/**
 * Units and categories are the same kind of record: a unique code, a name and
 * an active flag, written by admins and never deleted (history refers to them).
 */
/** `Extra`: the entry's own fields beyond code, name and active that its DTOs may set (a unit's parties). */
export abstract class CatalogService<T extends CatalogEntry, Extra extends keyof T = never> {
  protected abstract readonly entity: EntityTarget<T>;
  protected abstract readonly spec: ListSpec;
  protected abstract readonly label: string;
  protected abstract readonly entityType: string;
  protected abstract readonly uniqueConstraint: string;

  constructor(
    protected readonly manager: EntityManager,
    protected readonly audit: AuditService,
  ) {}

  list(query: ListQuery): Promise<Page<T>> {
    return findPage(this.manager.createQueryBuilder(this.entity, 'c'), query, this.spec);
  }

  async get(id: string): Promise<T> {
    const found = await this.manager.findOne(this.entity, { where: { id } as never });
    if (!found) throw notFound(this.label);
    return found;
  }

  async create(actor: Actor, dto: Pick<T, 'code' | 'name'> & Partial<Pick<T, 'active' | Extra>>): Promise<T> {
    return this.write(async (tx) => {
      const saved = (await tx.save(this.entity, { ...dto, active: dto.active ?? true } as never)) as unknown as T;
      await this.audit.recordChange(
        tx,
        actor,
        `${this.entityType}.create`,
        { type: this.entityType, id: saved.id },
        { code: saved.code },
      );
      return saved;
    });
  }

  async update(actor: Actor, id: string, dto: Partial<Pick<T, 'code' | 'name' | 'active' | Extra>>): Promise<T> {
    return this.write(async (tx) => {
      const current = await tx.findOne(this.entity, { where: { id } as never, lock: { mode: 'pessimistic_write' } });
      if (!current) throw notFound(this.label);
      await this.checkUpdate(tx, current, dto);
      const changed = Object.keys(dto).filter(
        (k) => !isDeepStrictEqual(dto[k as keyof typeof dto], current[k as keyof T]),
      );
      const saved = (await tx.save(this.entity, { ...current, ...dto } as never)) as unknown as T;
      await this.audit.recordChange(tx, actor, `${this.entityType}.update`, { type: this.entityType, id }, { changed });
      return saved;
    });
  }

  /** A refusal of the change beyond the DTO's own rules, with the row locked; none by default. */
  protected async checkUpdate(
    _tx: EntityManager,
    _current: T,
    _dto: Partial<Pick<T, 'code' | 'name' | 'active' | Extra>>,
  ): Promise<void> {}

  private async write<R>(work: (tx: EntityManager) => Promise<R>): Promise<R> {
    try {
      return await this.manager.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error, this.uniqueConstraint)) throw uniqueConflict('code', 'is already in use');
      throw error;
    }
  }
}
