import { Controller, Get, Header, Headers, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/auth.decorators.js';
import { DisbursementsCsvQueryDto } from './dto/disbursements-csv-query.dto.js';
import { ReportExportsService } from './report-exports.service.js';

/**
 * `GET /api/disbursements.csv`: mounted at the root, because a path under the
 * disbursements controller would be `/disbursements/…` (where `:id` lives).
 */
@ApiTags('disbursements')
@ApiBearerAuth()
@Roles('finance', 'contact_point', 'unit_worker')
@Controller()
export class DisbursementsExportController {
  constructor(private readonly exports: ReportExportsService) {}

  @ApiOperation({ summary: 'Every payment that matches the filter as CSV, streamed (an audited export)' })
  @ApiOkResponse({ description: 'The CSV file', content: { 'text/csv': { schema: { type: 'string' } } } })
  @Get('disbursements.csv')
  @ApiProduces('text/csv')
  @Header('Cache-Control', 'no-store')
  csv(
    @CurrentActor() actor: Actor,
    @Query() query: DisbursementsCsvQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ) {
    return this.exports.disbursementsCsv(actor, query, acceptLanguage);
  }
}
