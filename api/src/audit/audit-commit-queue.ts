import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
  TransactionStartEvent,
} from 'typeorm';
import { appendAuditEvents, type NewAuditEvent } from './audit-append.js';

interface Pending {
  /** How deep the query runner's transactions are nested now (savepoints below 1). */
  depth: number;
  /** Each event with the depth it was recorded at, so that a rolled-back savepoint drops its own. */
  events: { event: NewAuditEvent; depth: number }[];
}

/**
 * Holds the audit events of a transaction until it commits, and appends them to the chain right
 * before its COMMIT. So the chain's lock is the last lock every transaction takes, wherever in the
 * transaction the event was recorded: a transaction waiting for it holds every row lock it will
 * ever hold, and the transaction holding it waits for nothing but its own inserts.
 *
 * A TypeORM subscriber, hooked into each data source on which an event is recorded.
 */
@Injectable()
export class AuditCommitQueue implements EntitySubscriberInterface {
  private readonly pending = new WeakMap<QueryRunner, Pending>();

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.attach(dataSource);
  }

  /** Appends the event now when the manager is in no transaction, else at that transaction's commit. */
  async record(manager: EntityManager, event: NewAuditEvent): Promise<void> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      await manager.transaction((tx) => appendAuditEvents(tx, [event]));
      return;
    }
    this.attach(manager.connection);
    const state = this.state(runner);
    // a transaction begun before this subscriber was attached: it is the outermost one
    if (state.depth === 0) state.depth = 1;
    state.events.push({ event, depth: state.depth });
  }

  afterTransactionStart({ queryRunner }: TransactionStartEvent): void {
    const state = this.pending.get(queryRunner);
    if (state) state.depth += 1;
    else this.pending.set(queryRunner, { depth: 1, events: [] });
  }

  async beforeTransactionCommit({ queryRunner }: TransactionCommitEvent): Promise<void> {
    const state = this.pending.get(queryRunner);
    // a savepoint's release: its events now belong to the transaction around it
    if (!state || state.depth > 1 || !state.events.length) return;
    await appendAuditEvents(
      queryRunner.manager,
      state.events.map((e) => e.event),
    );
  }

  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    const state = this.pending.get(queryRunner);
    if (!state) return;
    state.depth = Math.max(0, state.depth - 1);
    if (state.depth === 0) return void this.pending.delete(queryRunner);
    for (const e of state.events) e.depth = Math.min(e.depth, state.depth);
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    const state = this.pending.get(queryRunner);
    if (!state) return;
    state.depth = Math.max(0, state.depth - 1);
    if (state.depth === 0) return void this.pending.delete(queryRunner);
    state.events = state.events.filter((e) => e.depth <= state.depth);
  }

  private state(runner: QueryRunner): Pending {
    let state = this.pending.get(runner);
    if (!state) this.pending.set(runner, (state = { depth: 0, events: [] }));
    return state;
  }

  private attach(dataSource: DataSource): void {
    if (!dataSource.subscribers.includes(this)) dataSource.subscribers.push(this);
  }
}
