import { Controller, Get, Header, Headers, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/auth.decorators.js';
import { PoolReportQueryDto } from './dto/pool-report-query.dto.js';
import { SpendingCsvQueryDto, SpendingQueryDto, SpendingXlsxQueryDto } from './dto/spending-query.dto.js';
import {
  StatisticsCsvQueryDto,
  StatisticsQueryDto,
  StatisticsXlsxQueryDto,
  YearQueryDto,
} from './dto/statistics-query.dto.js';
import { ProcessingService } from './processing.service.js';
import { ReportExportsService } from './report-exports.service.js';
import { PoolReportService } from './pool-report.service.js';
import { SpendingService } from './spending.service.js';
import { XLSX_TYPE } from './xlsx.js';
import { ApiView } from '../common/openapi.js';
import { PoolReportView, ProcessingReportView, SpendingReportView, StatisticsReportView } from './dto/report.view.js';

@ApiTags('reports')
@ApiBearerAuth()
@Roles('unit_worker', 'contact_point', 'finance')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: PoolReportService,
    private readonly spendingReport: SpendingService,
    private readonly processingReport: ProcessingService,
    private readonly exports: ReportExportsService,
  ) {}

  @ApiOperation({ summary: 'The pool of a budget year: committed, disbursed and available, by unit and category' })
  @ApiView(PoolReportView, 'The pool report')
  @Get('pool')
  pool(@CurrentActor() actor: Actor, @Query() query: PoolReportQueryDto) {
    return this.reports.pool(actor, query.year);
  }

  @ApiView(SpendingReportView, 'The spending report')
  @Get('spending')
  @ApiOperation({
    summary: 'Committed and disbursed from the ledger, grouped by unit, category, month and/or quarter',
    description:
      "`year` is the budget year (its grants and their payments: the totals are the pool report's); `from`/`to` " +
      'bound the posting dates; both may be given. A month or quarter holds what was posted in it, so committed ' +
      'can be negative in a month that paid more than it granted. A year without a budget year is 404; a period ' +
      'without postings an empty report. A unit worker gets their own unit; another unit is 404.',
  })
  spending(@CurrentActor() actor: Actor, @Query() query: SpendingQueryDto) {
    return this.spendingReport.report(actor, query);
  }

  @ApiOkResponse({ description: 'The CSV file', content: { 'text/csv': { schema: { type: 'string' } } } })
  @Get('spending.csv')
  @ApiOperation({
    summary: 'The spending report as CSV (RFC 4180, UTF-8 with BOM)',
    description:
      'Danish (`lang=da` or Accept-Language) defaults to `;` and a decimal comma; `delimiter=;` gives them in ' +
      'English too. Amounts in major units with two decimals. An audited export.',
  })
  @ApiProduces('text/csv')
  @Header('Cache-Control', 'no-store')
  spendingCsv(
    @CurrentActor() actor: Actor,
    @Query() query: SpendingCsvQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ) {
    return this.exports.spendingCsv(actor, query, acceptLanguage);
  }

  @ApiOkResponse({
    description: 'The workbook',
    content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @Get('spending.xlsx')
  @ApiOperation({
    summary: 'The spending report as a workbook',
    description:
      'One sheet for none or one grouping; for several, one sheet per grouping (grouped by that alone, in the ' +
      'order given) and a last sheet of all of them together. Frozen, filtered header; money as numbers in a ' +
      'currency format; a totals row of SUM formulas. An audited export.',
  })
  @ApiProduces(XLSX_TYPE)
  @Header('Cache-Control', 'no-store')
  spendingXlsx(
    @CurrentActor() actor: Actor,
    @Query() query: SpendingXlsxQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ) {
    return this.exports.spendingXlsx(actor, query, acceptLanguage);
  }

  @ApiView(StatisticsReportView, 'The statistics')
  @Get('statistics')
  @ApiOperation({
    summary: 'Grants decided in a year, by category and quarter (and unit), for publication',
    description:
      'A figure of 1–4 distinct candidates is suppressed (values null, `suppressed: true`); so is the smallest ' +
      'other non-zero figure (or the total) wherever a published total would otherwise give one away. An audited export.',
  })
  statistics(@CurrentActor() actor: Actor, @Query() query: StatisticsQueryDto) {
    return this.exports.statisticsJson(actor, query);
  }

  @ApiOperation({ summary: 'The publication statistics as CSV (RFC 4180, UTF-8 with BOM)' })
  @ApiOkResponse({ description: 'The CSV file', content: { 'text/csv': { schema: { type: 'string' } } } })
  @Get('statistics.csv')
  @ApiProduces('text/csv')
  @Header('Cache-Control', 'no-store')
  statisticsCsv(
    @CurrentActor() actor: Actor,
    @Query() query: StatisticsCsvQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ) {
    return this.exports.statisticsCsv(actor, query, acceptLanguage);
  }

  @ApiOperation({ summary: 'The publication statistics as a workbook' })
  @ApiOkResponse({
    description: 'The workbook',
    content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @Get('statistics.xlsx')
  @ApiProduces(XLSX_TYPE)
  @Header('Cache-Control', 'no-store')
  statisticsXlsx(
    @CurrentActor() actor: Actor,
    @Query() query: StatisticsXlsxQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ) {
    return this.exports.statisticsXlsx(actor, query, acceptLanguage);
  }

  @ApiView(ProcessingReportView, 'The processing figures')
  @Get('processing')
  @ApiOperation({
    summary: 'Days from submission to decision (median, 90th percentile), approval rates, average grant per case',
  })
  processing(@CurrentActor() actor: Actor, @Query() query: YearQueryDto) {
    return this.processingReport.report(actor, query.year);
  }
}
