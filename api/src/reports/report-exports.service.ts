import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { pipeline, Transform } from 'node:stream';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/auth.decorators.js';
import { AuditService } from '../audit/audit.service.js';
import { contentDisposition } from '../common/content-disposition.js';
import { fieldError } from '../common/errors.js';
import { type ListQuery, parseListQuery } from '../common/list-query.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { PAYEE_TYPES } from '../disbursements/disbursement.entity.js';
import { DISBURSEMENT_LIST } from '../disbursements/disbursements.service.js';
import { BOM, type CsvDelimiter, type CsvFormat, csvFormat, csvRecord, type CsvValue } from './csv.js';
import { DisbursementsExportService, type PaymentLine } from './disbursements-export.service.js';
import type { DisbursementsCsvQueryDto } from './dto/disbursements-csv-query.dto.js';
import type { Grouping, SpendingQueryDto } from './dto/spending-query.dto.js';
import type { StatisticsQueryDto } from './dto/statistics-query.dto.js';
import {
  categoryLabel,
  type CategoryNames,
  type Language,
  moneyHeader,
  payeeTypeLabel,
  periodLabel,
  pickLanguage,
  word,
  type Word,
} from './report-language.js';
import { groupingFields, type SpendingReport, SpendingService } from './spending.service.js';
import { type StatisticsFigure, type StatisticsReport, StatisticsService } from './statistics.service.js';
import { type SheetColumn, type SheetSpec, type SheetValue, XLSX_TYPE, xlsxStream } from './xlsx.js';

const CSV_TYPE = 'text/csv; charset=utf-8; header=present';
/** The least of the payments file sent at a time (characters), the last piece aside. */
const FILE_CHUNK = 64 * 1024;

interface FileOptions {
  lang?: Language;
  delimiter?: CsvDelimiter;
}

/** A table of a report, before it is written as CSV or as a sheet. */
interface Table {
  columns: SheetColumn[];
  rows: SheetValue[][];
}

type CategoryNamer = (code: string) => string;

const SHEET_OF: Record<Grouping, Word> = {
  unit: 'sheetByUnit',
  category: 'sheetByCategory',
  month: 'sheetByMonth',
  quarter: 'sheetByQuarter',
};

/**
 * The reports as files — CSV (RFC 4180, UTF-8 with a byte-order mark) and
 * XLSX — in the user's language, each export written to the audit trail
 * (who, which report, which format and filters) before the file leaves.
 */
@Injectable()
export class ReportExportsService {
  constructor(
    private readonly spending: SpendingService,
    private readonly statistics: StatisticsService,
    private readonly payments: DisbursementsExportService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  async spendingCsv(
    actor: Actor,
    query: SpendingQueryDto & FileOptions,
    acceptLanguage?: string,
  ): Promise<StreamableFile> {
    const language = pickLanguage(query.lang, acceptLanguage);
    const report = await this.spending.report(actor, query);
    await this.record(actor, 'spending', 'csv', language, spendingFilters(report));
    const name = `${word('fileSpending', language)}-${periodLabel(report, language)}.csv`;
    const named = await this.categoryNamer(language);
    return this.csvFile(this.spendingTable(report, language, named), language, query.delimiter, name);
  }

  /**
   * One sheet for none or one grouping. For several, one sheet per grouping
   * (the report grouped by that alone, in the order asked), then a last sheet
   * of all of them together — the rows of the JSON and the CSV.
   */
  async spendingXlsx(actor: Actor, query: SpendingQueryDto & FileOptions, acceptLanguage?: string) {
    const language = pickLanguage(query.lang, acceptLanguage);
    const report = await this.spending.report(actor, query);
    await this.record(actor, 'spending', 'xlsx', language, spendingFilters(report));
    const total = word('total', language);
    const named = await this.categoryNamer(language);
    const sheets: SheetSpec[] = [];
    if (report.groupBy.length > 1) {
      for (const g of report.groupBy) {
        const single = await this.spending.report(actor, { ...query, groupBy: [g] });
        sheets.push({
          name: word(SHEET_OF[g], language),
          ...this.spendingTable(single, language, named),
          totalsLabel: total,
        });
      }
    }
    const name =
      report.groupBy.length === 1
        ? SHEET_OF[report.groupBy[0]]
        : report.groupBy.length
          ? 'sheetCombined'
          : 'sheetSpending';
    sheets.push({ name: word(name, language), ...this.spendingTable(report, language, named), totalsLabel: total });
    const title = `${word('sheetSpending', language)} ${periodLabel(report, language)}`;
    const file = `${word('fileSpending', language)}-${periodLabel(report, language)}.xlsx`;
    return this.xlsxFile(sheets, language, title, file);
  }

  /** The statistics for publication; an export like the files, so it is audited too. */
  async statisticsJson(actor: Actor, query: StatisticsQueryDto): Promise<StatisticsReport> {
    const report = await this.statistics.report(actor, query);
    await this.record(actor, 'statistics', 'json', null, { year: report.year, byUnit: report.byUnit });
    return report;
  }

  async statisticsCsv(actor: Actor, query: StatisticsQueryDto & FileOptions, acceptLanguage?: string) {
    const language = pickLanguage(query.lang, acceptLanguage);
    const report = await this.statistics.report(actor, query);
    await this.record(actor, 'statistics', 'csv', language, { year: report.year, byUnit: report.byUnit });
    return this.csvFile(
      this.statisticsTable(report, language, await this.categoryNamer(language)),
      language,
      query.delimiter,
      `${statisticsFileName(report, language)}.csv`,
    );
  }

  async statisticsXlsx(actor: Actor, query: StatisticsQueryDto & FileOptions, acceptLanguage?: string) {
    const language = pickLanguage(query.lang, acceptLanguage);
    const report = await this.statistics.report(actor, query);
    await this.record(actor, 'statistics', 'xlsx', language, { year: report.year, byUnit: report.byUnit });
    const about = ABOUT_STATISTICS[language](report, word('suppressed', language), word('all', language));
    const sheets: SheetSpec[] = [
      {
        name: word('sheetStatistics', language),
        ...this.statisticsTable(report, language, await this.categoryNamer(language)),
      },
      {
        name: word('sheetAbout', language),
        columns: [{ header: word('sheetAbout', language), kind: 'text', width: 120 }],
        rows: about.map((line) => [line]),
      },
    ];
    const name = statisticsFileName(report, language);
    return this.xlsxFile(sheets, language, name, `${name}.xlsx`);
  }

  /** Every payment matching the list's filter, streamed from the database as it is read. */
  async disbursementsCsv(actor: Actor, query: DisbursementsCsvQueryDto, acceptLanguage?: string) {
    const language = pickLanguage(query.lang, acceptLanguage);
    const list = parseListQuery(query.filter === undefined ? {} : { filter: query.filter }, DISBURSEMENT_LIST);
    const { filter } = list;
    const from = typeof filter.paidOn_gte === 'string' ? filter.paidOn_gte : null;
    const to = typeof filter.paidOn_lte === 'string' ? filter.paidOn_lte : null;
    if (from && to && from > to) throw fieldError('filter.paidOn_lte', 'must not be before paidOn_gte');
    // the search text is whatever the user typed: the trail keeps that there was one, not what
    const { q, ...rest } = filter;
    const payeeReferences = query.payeeReferences === 'true';
    await this.record(actor, 'disbursements', 'csv', language, {
      ...rest,
      ...(q !== undefined && { search: true }),
      ...(payeeReferences && { payeeReferences }),
    });

    const format = csvFormat(language, query.delimiter);
    const currency = this.config.currency;
    const header = csvRecord(
      [
        word('paidOn', language),
        word('budgetYear', language),
        word('unitCode', language),
        word('categoryCode', language),
        word('application', language),
        moneyHeader('amount', language, currency),
        word('payeeType', language),
        word('accountCode', language),
        word('paymentId', language),
        ...(payeeReferences ? [word('payeeReference', language)] : []),
      ],
      format,
    );
    const head = BOM + header;
    // the COPY starts in either, after the audit: its snapshot is the file's
    const file = payeeReferences
      ? await this.paymentLines(actor, list, language, format, head)
      : await this.payments.paymentsCsv(actor, list, {
          format,
          categories: await this.categoryLabels(language),
          payeeTypes: new Map(PAYEE_TYPES.map((type) => [type, payeeTypeLabel(type, language)])),
          head,
        });
    const year = typeof filter.year === 'number' ? filter.year : null;
    const name = `${word('fileDisbursements', language)}-${periodLabel({ year, from, to }, language)}.csv`;
    return new StreamableFile(file, {
      type: CSV_TYPE,
      disposition: contentDisposition(name),
    });
  }

  /**
   * The payments file with each payee reference: those are opened in Node, so
   * each line is made here, by csvRecord (without them PostgreSQL writes the file).
   */
  private async paymentLines(actor: Actor, list: ListQuery, language: Language, format: CsvFormat, head: string) {
    const named = await this.categoryNamer(language);
    const record = (p: PaymentLine) =>
      csvRecord(
        [
          p.paidOn,
          p.year,
          p.unitCode,
          named(p.categoryCode),
          p.applicationReference,
          p.amount,
          payeeTypeLabel(p.payeeType, language),
          p.accountCode,
          p.id,
          p.payeeReference,
        ],
        format,
      );
    // lines gathered into pieces of some size: a network read of the COPY may hold a few rows only
    let pending = '';
    const file = new Transform({
      writableObjectMode: true,
      // one batch waiting at most: the rows stay in the database until the reader wants them
      writableHighWaterMark: 1,
      transform(batch: PaymentLine[], _encoding, done) {
        pending += batch.map(record).join('');
        if (pending.length < FILE_CHUNK) return done();
        const chunk = pending;
        pending = '';
        done(null, chunk);
      },
      flush(done) {
        done(null, pending || undefined);
      },
    });
    file.push(head);
    const batches = await this.payments.payments(actor, list, { payeeReferences: true });
    // the file's reader gone (the response closed, the file destroyed): the batches stop, and the COPY with them
    pipeline(batches, file, () => undefined);
    return file;
  }

  /** Each category's code and its name in the language (as categoryNamer names them). */
  private async categoryLabels(language: Language): Promise<Map<string, string>> {
    const rows: (CategoryNames & { code: string })[] = await this.manager.query(
      `SELECT code, name, name_en AS "nameEn", name_fi AS "nameFi" FROM categories`,
    );
    return new Map(rows.map((r) => [r.code, categoryLabel(r.code, language, r)]));
  }

  private spendingTable(report: SpendingReport, language: Language, named: CategoryNamer): Table {
    const fields = report.groupBy.flatMap(groupingFields);
    const currency = this.config.currency;
    return {
      columns: [
        ...fields.map((f): SheetColumn => ({
          header: word(f as Word, language),
          kind: f === 'month' ? 'month' : 'text',
        })),
        { header: moneyHeader('committed', language, currency), kind: 'money' },
        { header: moneyHeader('disbursed', language, currency), kind: 'money' },
      ],
      rows: report.rows.map((r) => [
        ...fields.map((f) =>
          f === 'categoryName' && r.categoryCode !== undefined
            ? named(r.categoryCode)
            : ((r[f] as string | undefined) ?? null),
        ),
        r.committed,
        r.disbursed,
      ]),
    };
  }

  /** The cells, then the totals of each dimension ("All" in the others), then the overall total. */
  private statisticsTable(report: StatisticsReport, language: Language, named: CategoryNamer): Table {
    const all = word('all', language);
    const marker = word('suppressed', language);
    const currency = this.config.currency;
    const dims: [Word, (f: StatisticsFigure) => string][] = [
      ...(report.byUnit
        ? [['unitCode', (f: StatisticsFigure) => f.unitCode ?? all] as [Word, (f: StatisticsFigure) => string]]
        : []),
      ['categoryCode', (f) => f.categoryCode ?? all],
      ['categoryName', (f) => (f.categoryCode === undefined ? all : named(f.categoryCode))],
      ['quarter', (f) => f.quarter ?? all],
    ];
    // a withheld figure is empty, never a word in a number column, and flagged in a column of its own
    const line = (f: StatisticsFigure): SheetValue[] => [
      ...dims.map(([, value]) => value(f)),
      f.grants,
      f.candidates,
      f.granted,
      f.paid,
      f.suppressed ? marker : null,
    ];
    const { byCategory, byQuarter, byUnit = [], all: overall } = report.totals;
    return {
      columns: [
        ...dims.map(([w]): SheetColumn => ({ header: word(w, language), kind: 'text' })),
        { header: word('grants', language), kind: 'count' },
        { header: word('candidates', language), kind: 'count' },
        { header: moneyHeader('granted', language, currency), kind: 'money' },
        { header: moneyHeader('paid', language, currency), kind: 'money' },
        { header: word('withheld', language), kind: 'text' },
      ],
      rows: [...report.cells, ...byUnit, ...byCategory, ...byQuarter, overall].map(line),
    };
  }

  /** Names categories in the language from the categories themselves, the one source of their names. */
  private async categoryNamer(language: Language): Promise<CategoryNamer> {
    const labels = await this.categoryLabels(language);
    return (code) => labels.get(code) ?? code;
  }

  private csvFile(table: Table, language: Language, delimiter: CsvDelimiter | undefined, name: string) {
    const format = csvFormat(language, delimiter);
    const text =
      BOM +
      csvRecord(
        table.columns.map((c) => c.header),
        format,
      ) +
      table.rows.map((r) => csvRecord(r as CsvValue[], format)).join('');
    return new StreamableFile(Buffer.from(text, 'utf8'), { type: CSV_TYPE, disposition: contentDisposition(name) });
  }

  private xlsxFile(sheets: SheetSpec[], language: Language, title: string, name: string) {
    const file = xlsxStream(sheets, { language, currency: this.config.currency, title });
    return new StreamableFile(file, { type: XLSX_TYPE, disposition: contentDisposition(name) });
  }

  private record(
    actor: Actor,
    report: string,
    format: 'csv' | 'xlsx' | 'json',
    language: Language | null,
    filters: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record({
      actorId: actor.id,
      action: 'report.export',
      entityType: 'report',
      entityId: report,
      details: { report, format, ...(language && { language }), filters },
    });
  }
}

const spendingFilters = (r: SpendingReport) => ({
  year: r.year,
  from: r.from,
  to: r.to,
  groupBy: r.groupBy,
  unitId: r.unitId,
  categoryCode: r.categoryCode,
});

const statisticsFileName = (r: StatisticsReport, language: Language) =>
  `${word('fileStatistics', language)}-${r.year}${r.byUnit ? `-${word('fileByUnit', language)}` : ''}`;

const ABOUT_STATISTICS: Record<Language, (r: StatisticsReport, marker: string, all: string) => string[]> = {
  en: (r, marker, all) => [
    `Grants decided in ${r.year}, by category and quarter of the decision${r.byUnit ? ' and by unit' : ''}.`,
    'Grants: approved, partly approved and paid grants, and cancelled grants that paid something. Candidates: distinct cases.',
    'Granted: the amount approved (for a cancelled grant, what was paid of it). Paid: what has been paid of these grants, net of refunds, by the day of this file.',
    `A figure of fewer than ${r.threshold} candidates is not shown, and neither is a further figure wherever a total would otherwise give it away: its cells are empty and the last column says "${marker}".`,
    `"${all}": the total over that column. Candidates do not add up: one candidate may have grants in several quarters or categories.`,
  ],
  da: (r, marker, all) => [
    `Bevillinger givet i ${r.year}, pr. kategori og kvartal for afgørelsen${r.byUnit ? ' og pr. enhed' : ''}.`,
    'Bevillinger: godkendte, delvist godkendte og udbetalte bevillinger samt annullerede bevillinger, hvoraf noget blev udbetalt. Kandidater: forskellige sager.',
    'Bevilget: det godkendte beløb (for en annulleret bevilling det udbetalte). Udbetalt: hvad der er udbetalt af bevillingerne, fratrukket tilbagebetalinger, til filens dato.',
    `Et tal med færre end ${r.threshold} kandidater vises ikke, og heller ikke et yderligere tal, hvor en total ellers ville afsløre det: cellerne er tomme, og sidste kolonne siger "${marker}".`,
    `"${all}": totalen over kolonnen. Kandidater kan ikke lægges sammen: én kandidat kan have bevillinger i flere kvartaler eller kategorier.`,
  ],
  fi: (r, marker, all) => [
    `Vuonna ${r.year} päätetyt avustukset luokittain ja päätöksen vuosineljänneksittäin${r.byUnit ? ' sekä yksiköittäin' : ''}.`,
    'Avustukset: hyväksytyt, osittain hyväksytyt ja maksetut avustukset sekä perutut avustukset, joista maksettiin jotain. Asiakkaat: eri tapaukset.',
    'Myönnetty: hyväksytty summa (perutusta avustuksesta siitä maksettu osa). Maksettu: näistä avustuksista tämän tiedoston päivään mennessä maksettu, palautukset vähennettyinä.',
    `Alle ${r.threshold} asiakkaan lukua ei näytetä, eikä myöskään muuta lukua, josta summa muuten paljastaisi sen: solut ovat tyhjiä, ja viimeisessä sarakkeessa lukee "${marker}".`,
    `"${all}": sarakkeen summa. Asiakkaita ei voi laskea yhteen: yhdellä asiakkaalla voi olla avustuksia useana vuosineljänneksenä tai useassa luokassa.`,
  ],
};
