import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/auth.decorators.js';
import { applyListQuery, type ListQuery } from '../common/list-query.js';
import { unitScope } from '../common/scope.js';
import { openNullable } from '../crypto/encrypted-columns.js';
import { DISBURSEMENT_LIST, DisbursementsService } from '../disbursements/disbursements.service.js';

/** One payment as the file lists it: identifiers and figures, nothing narrative. */
export interface PaymentLine {
  paidOn: string;
  year: number;
  unitCode: string;
  categoryCode: string;
  applicationReference: string;
  amount: bigint;
  payeeType: string;
  payeeReference: string | null;
  accountCode: string | null;
  id: string;
}

/**
 * What an export reads, as it reads it: `page` after each page fetched (its
 * rows), `end` when the export stops reading (at its last page, or because its
 * reader went away) with the pages it read. The pace of the database behind a
 * file, observable without reaching into the service.
 */
export interface ExportReads {
  page: [rows: number];
  end: [pages: number];
}

/** Rows per query: large enough to be quick, small enough that memory never notices. */
export const PAGE_ROWS = 2000;

/**
 * Every payment matching the list's filter, in payment order (paid on, then
 * recorded), fetched page by page with a keyset on (paid_on, seq) — the
 * disbursements_paid_on_idx index — so a million payments pass through a
 * few thousand at a time, each page a short query that holds no connection
 * while the client reads. Payments recorded after the export began are left
 * out, so the file is the payments as they were when it was asked for.
 */
@Injectable()
export class DisbursementsExportService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly disbursements: DisbursementsService,
  ) {}

  readonly reads = new EventEmitter<ExportReads>();

  async *payments(actor: Actor, query: ListQuery): AsyncGenerator<PaymentLine[]> {
    const [{ last }] = await this.manager.query(`SELECT coalesce(max(seq), 0)::text AS last FROM disbursements`);
    let after: { paidOn: string; seq: string } | null = null;
    let pages = 0;
    try {
      for (;;) {
        const rows: Record<string, string>[] = await this.page(actor, query, last, after).getRawMany();
        pages++;
        this.reads.emit('page', rows.length);
        if (rows.length) yield rows.map(toLine);
        if (rows.length < PAGE_ROWS) return;
        const end = rows[rows.length - 1];
        after = { paidOn: end.paidOn, seq: end.seq };
      }
    } finally {
      this.reads.emit('end', pages);
    }
  }

  private page(actor: Actor, query: ListQuery, last: string, after: { paidOn: string; seq: string } | null) {
    const qb = this.disbursements
      .base()
      .innerJoin('units', 'un', 'un.id = d.unit_id')
      .addSelect('un.code', 'unitCode')
      .addSelect('d.seq::text', 'seq')
      .where('d.seq <= CAST(:last AS bigint)', { last });
    const scope = unitScope(actor);
    if (scope) qb.andWhere('d.unit_id = :scope', { scope });
    // the list's filters; its order and page give way to the keyset
    applyListQuery(qb, query, DISBURSEMENT_LIST);
    if (after) {
      qb.andWhere('(d.paid_on, d.seq) > (CAST(:afterPaidOn AS date), CAST(:afterSeq AS bigint))', {
        afterPaidOn: after.paidOn,
        afterSeq: after.seq,
      });
    }
    return qb.orderBy('d.paid_on', 'ASC').addOrderBy('d.seq', 'ASC').offset(undefined).limit(PAGE_ROWS);
  }
}

function toLine(r: Record<string, string>): PaymentLine {
  return {
    paidOn: r.paidOn,
    year: Number(r.year),
    unitCode: r.unitCode,
    categoryCode: r.categoryCode,
    applicationReference: r.applicationReference,
    amount: BigInt(r.amount),
    payeeType: r.payeeType,
    // finance pays against it: the file carries it in plain text, like the API
    payeeReference: openNullable(r.payeeReference) ?? null,
    accountCode: r.accountCode,
    id: r.id,
  };
}
