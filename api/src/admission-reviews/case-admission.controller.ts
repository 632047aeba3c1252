import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/auth.decorators.js';
import { IdParam } from '../common/id-param.js';
import { ApiView } from '../common/openapi.js';
import { CaseView } from '../cases/dto/case.view.js';
import { CaseAdmissionService } from './case-admission.service.js';
import { ReviewReasonDto } from './dto/admission-review.dto.js';
import { AssessmentDto } from './dto/assessment.dto.js';
import { AssessmentView } from './dto/admission-review.view.js';

/** A case's admission: the unit's assessment and decision. Beside the cases controller, on its paths. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CaseAdmissionController {
  constructor(private readonly admission: CaseAdmissionService) {}

  @ApiOperation({ summary: "Read the unit's admission assessment of a case (narrative; audited)" })
  @ApiView(AssessmentView)
  @Roles('unit_worker', 'contact_point')
  @Get(':id/assessment')
  assessment(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.admission.assessment(actor, id);
  }

  @ApiOperation({ summary: 'Write the admission assessment of a case in assessment (only the fields sent)' })
  @ApiView(AssessmentView, 'The assessment')
  @Roles('unit_worker')
  @Put(':id/assessment')
  writeAssessment(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: AssessmentDto) {
    return this.admission.writeAssessment(actor, id, dto);
  }

  @ApiOperation({ summary: 'Admit the candidate on a complete assessment: the case becomes active' })
  @ApiView(CaseView, 'The updated case')
  @Roles('unit_worker')
  @Post(':id/admit')
  @HttpCode(200)
  admit(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.admission.admit(actor, id);
  }

  @ApiOperation({ summary: 'Refuse admission, with the reasons: the case becomes refused (open to a review)' })
  @ApiView(CaseView, 'The updated case')
  @Roles('unit_worker')
  @Post(':id/refuse')
  @HttpCode(200)
  refuse(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ReviewReasonDto) {
    return this.admission.refuse(actor, id, dto.reason);
  }
}
