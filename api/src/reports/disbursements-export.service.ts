import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventEmitter } from 'node:events';
import type { Readable, Transform } from 'node:stream';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { Actor } from '../auth/auth.decorators.js';
import { applyListQuery, type ListQuery } from '../common/list-query.js';
import { caseCoveredSql, partyScope, unitScope } from '../common/scope.js';
import { openNullable } from '../crypto/encrypted-columns.js';
import { DISBURSEMENT_LIST } from '../disbursements/disbursements.service.js';
import { type CopyField, CopyTextRows } from './copy-text.js';
import { CsvLineEnds } from './csv-line-ends.js';
import { paymentCsvCells, type PaymentsCsvFile } from './payments-csv.js';

/** One payment as the file lists it: identifiers and figures, nothing narrative. */
export interface PaymentLine {
  paidOn: string;
  year: number;
  unitCode: string;
  categoryCode: string;
  applicationReference: string;
  amount: bigint;
  payeeType: string;
  /** Present when the file was asked to carry it. */
  payeeReference?: string | null;
  accountCode: string | null;
  id: string;
}

/**
 * What an export reads, as it reads it: `rows` each time a batch of rows has
 * been taken off the connection (the rows read so far), `end` once the
 * export is done with its connection — its last row read, or its reader gone
 * and the COPY cancelled — with the rows it read and whether that was all of
 * them. The pace of the database behind a file, observable from outside.
 */
export interface ExportReads {
  rows: [rows: number];
  end: [rows: number, complete: boolean];
}

/** How long a cancelled COPY may take to say so before its connection is closed instead. */
const CANCEL_GRACE_MS = 5_000;
const QUERY_CANCELED = '57014';

// the columns of the file, in its order; the payee reference (when asked for) as stored, encrypted,
// opened row by row in Node
const columns = (payeeReferences: boolean) => [
  `to_char(d.paid_on, 'YYYY-MM-DD')`,
  'y.year',
  'un.code',
  'a.category_code',
  'a.reference',
  'd.amount',
  'd.payee_type',
  'd.account_code',
  'd.id',
  ...(payeeReferences ? ['d.payee_reference'] : []),
];

/** What a payments file holds beside the figures. */
export interface PaymentFileOptions {
  /** Each payment's payee reference, decrypted: only when asked for. */
  payeeReferences: boolean;
}

/** What a COPY's bytes pass through: a stream that counts the rows it has taken. */
type CopyReader = Transform & { readonly rows: number };

/**
 * Every payment matching the list's filter, in payment order (paid on, then
 * recorded), as one `COPY (SELECT …) TO STDOUT` on a connection of its own:
 * PostgreSQL writes the rows as fast as the file's reader takes them (the
 * socket's own backpressure), and one statement is one snapshot, so payments
 * recorded after the export began are left out. The rows pass through in
 * batches of whatever a network read holds; nothing holds the whole file.
 */
@Injectable()
export class DisbursementsExportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  readonly reads = new EventEmitter<ExportReads>();

  private readonly tell = (rows: number) => this.reads.emit('rows', rows);

  /** The query the payments (as lines) are copied by. */
  copySql(actor: Actor, query: ListQuery, options: PaymentFileOptions): string {
    return this.selectSql(actor, query, () => columns(options.payeeReferences));
  }

  /**
   * A query of the payments' `cells`. COPY takes no bind parameters, so the
   * list's filter (checked by parseListQuery), the actor's unit and the
   * cells' `param` values are written into it as literals, each quoted by
   * pg's escapeLiteral; the SQL is the list's own, from the list's own filter code.
   */
  private selectSql(actor: Actor, query: ListQuery, cells: (param: (value: string) => string) => string[]): string {
    const qb = this.dataSource
      .createQueryBuilder()
      .from('disbursements', 'd')
      .innerJoin('applications', 'a', 'a.id = d.application_id')
      .innerJoin('budget_years', 'y', 'y.id = d.budget_year_id')
      .innerJoin('units', 'un', 'un.id = d.unit_id');
    let n = 0;
    const param = (value: string): string => {
      const name = `cell${n++}`;
      qb.setParameter(name, value);
      return `:${name}`;
    };
    // each with a name of its own: the query builder keeps the order of named expressions
    qb.select(cells(param).map((cell, i) => `${cell} AS c${i}`));
    const scope = unitScope(actor);
    // of the unit's payments, those on cases whose consent covers the worker's party (as the list)
    if (scope) {
      qb.where('d.unit_id = :scope', { scope }).andWhere(caseCoveredSql('a.case_id'), { party: partyScope(actor) });
    }
    // the list's filters; its order and page give way to the file's
    applyListQuery(qb, query, DISBURSEMENT_LIST);
    qb.orderBy('d.paid_on', 'ASC').addOrderBy('d.seq', 'ASC').offset(undefined).limit(undefined);
    const [sql, parameters] = qb.getQueryAndParameters();
    return withLiterals(sql, parameters);
  }

  /**
   * The payments as a stream of batches of lines. The COPY starts before this
   * answers (its snapshot is the file's); the connection goes back to the pool
   * when the last row is read, or, when the reader goes away first, once the
   * COPY is cancelled.
   */
  async payments(actor: Actor, query: ListQuery, options: PaymentFileOptions): Promise<Readable> {
    const rows = new CopyTextRows(options.payeeReferences ? withPayeeReference : toLine, this.tell);
    return this.copyOut(`COPY (${this.copySql(actor, query, options)}) TO STDOUT`, rows);
  }

  /**
   * The payments file itself, as PostgreSQL writes it (`COPY … WITH (FORMAT
   * csv)`): the bytes pass through with their line ends made CRLF, and are
   * neither parsed nor made into objects. Starts and ends as `payments`.
   */
  async paymentsCsv(actor: Actor, query: ListQuery, file: PaymentsCsvFile): Promise<Readable> {
    const select = this.selectSql(actor, query, (param) => paymentCsvCells(file, param));
    const options = `FORMAT csv, DELIMITER ${pg.escapeLiteral(file.format.delimiter)}, ENCODING 'UTF8'`;
    return this.copyOut(`COPY (${select}) TO STDOUT WITH (${options})`, new CsvLineEnds(file.head, this.tell));
  }

  /** The COPY's bytes through `rows`, which is handed back, the COPY begun. */
  private async copyOut(sql: string, rows: CopyReader): Promise<Readable> {
    const pool: pg.Pool = (this.dataSource.driver as PostgresDriver).master;
    const client = await pool.connect();
    let pid: number;
    try {
      [{ pid }] = (await client.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`)).rows;
    } catch (error) {
      client.release(true);
      throw error;
    }
    const copy = client.query(copyTo(sql));
    // the client says 'drain' once PostgreSQL is ready for its next query: the COPY's end, whichever way it ended
    const ready: Promise<void> = new Promise((resolve) => client.once('drain', resolve));
    let copied = false;
    let settled = false;
    const settle = (drop?: Error | boolean) => {
      if (settled) return;
      settled = true;
      const release = () => {
        client.release(drop);
        this.reads.emit('end', rows.rows, copied);
      };
      // a connection to be dropped goes at once; one going back to the pool once it is idle
      if (drop) release();
      else void ready.then(release);
    };

    const onData = (chunk: Buffer) => {
      if (!rows.write(chunk)) copy.pause();
    };
    const onEnd = () => {
      copied = true;
      // every row is off the connection: it serves others while the reader takes the rest
      settle();
      rows.end();
    };
    const onError = (error: Error) => {
      rows.destroy(error);
      settle(error);
    };
    copy.on('data', onData).on('end', onEnd).on('error', onError);
    rows.on('drain', () => copy.resume());
    rows.on('close', () => {
      if (copied || settled) return;
      copy.off('data', onData).off('end', onEnd).off('error', onError);
      cancel(pool, pid, copy, settle);
    });
    return rows;
  }
}

/**
 * Stops a COPY whose reader went away: `pg_cancel_backend` from a connection
 * of its own (the pool may have none to spare), then the rest of the data
 * drained and dropped — only then, so that the COPY cannot finish first — and
 * the connection back in the pool once PostgreSQL confirms the cancel. If the
 * COPY ends all the same, or says nothing in time, the connection is closed.
 */
function cancel(pool: pg.Pool, pid: number, copy: Readable, settle: (drop?: Error | boolean) => void): void {
  copy.pause();
  const timer = setTimeout(() => settle(true), CANCEL_GRACE_MS);
  const done = (drop?: Error | boolean) => {
    clearTimeout(timer);
    settle(drop);
  };
  copy.on('error', (error: Error & { code?: string }) => done(error.code === QUERY_CANCELED ? undefined : error));
  copy.on('end', () => done(true));
  const canceller = new pg.Client(pool.options);
  canceller
    .connect()
    .then(() => canceller.query(`SELECT pg_cancel_backend($1)`, [pid]))
    .then(
      () => copy.resume(),
      () => done(true),
    )
    .finally(() => void canceller.end().catch(() => undefined));
}

/** `$n` in the SQL replaced by its value as a quoted literal; PostgreSQL casts it as it would the parameter. */
export function withLiterals(sql: string, parameters: unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= parameters.length) throw new Error(`no value for parameter $${n}`);
    return literal(parameters[index]);
  });
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return pg.escapeLiteral(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' && Number.isSafeInteger(value)) return pg.escapeLiteral(String(value));
  if (typeof value === 'bigint') return pg.escapeLiteral(value.toString());
  throw new Error(`a ${typeof value} cannot be written into the export's query`);
}

const FIELDS = 9;

/** A payment of the file; `payee` when the COPY's last field is its (encrypted) payee reference. */
function line(f: CopyField[], payee: boolean): PaymentLine {
  if (f.length !== FIELDS + (payee ? 1 : 0)) {
    throw new Error(`a COPY row of ${f.length} fields, expected ${FIELDS + (payee ? 1 : 0)}`);
  }
  return {
    paidOn: f[0]!,
    year: Number(f[1]),
    unitCode: f[2]!,
    categoryCode: f[3]!,
    applicationReference: f[4]!,
    amount: BigInt(f[5]!),
    payeeType: f[6]!,
    accountCode: f[7],
    id: f[8]!,
    // finance pays against it: asked for, the file carries it in plain text, like the API
    ...(payee && { payeeReference: openNullable(f[FIELDS]) ?? null }),
  };
}

const toLine = (f: CopyField[]) => line(f, false);
const withPayeeReference = (f: CopyField[]) => line(f, true);
