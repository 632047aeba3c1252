import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/auth.decorators.js';
import { PoolReportQueryDto } from './dto/pool-report-query.dto.js';
import { ReportsService } from './reports.service.js';

@ApiTags('reports')
@ApiBearerAuth()
@Roles('unit_worker', 'contact_point', 'finance')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('pool')
  pool(@CurrentActor() actor: Actor, @Query() query: PoolReportQueryDto) {
    return this.reports.pool(actor, query.year);
  }
}
