import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, AnyRole, CurrentActor } from '../auth/auth.decorators.js';
import { ApiView } from '../common/openapi.js';
import { AdmissionStatisticsService } from './admission-statistics.service.js';
import { AdmissionStatisticsView } from './dto/admission-review.view.js';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class AdmissionStatisticsController {
  constructor(private readonly statistics: AdmissionStatisticsService) {}

  @ApiOperation({
    summary: 'Admission reviews per year: outcomes and median days to decision, small cells suppressed (no narrative)',
  })
  @ApiView(AdmissionStatisticsView, 'The statistics')
  @AnyRole()
  @Get('admission-reviews')
  report(@CurrentActor() actor: Actor) {
    return this.statistics.report(actor);
  }
}
