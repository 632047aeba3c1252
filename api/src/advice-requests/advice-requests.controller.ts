import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/auth.decorators.js';
import { IdParam } from '../common/id-param.js';
import { List, type ListQuery } from '../common/list-query.js';
import { neverDeleted } from '../common/never-deleted.js';
import { ApiCreated, ApiListOf, ApiNotAllowed, ApiView, ErrorBodyView } from '../common/openapi.js';
import { ADVICE_LIST, AdviceRequestsService } from './advice-requests.service.js';
import { AdviceMessageDto, CreateAdviceRequestDto } from './dto/advice-request.dto.js';
import { AdviceRequestSummaryView, AdviceRequestView } from './dto/advice-request.view.js';

// Narrative from end to end: finance and the administrator are refused every route (403).
@ApiTags('advice-requests')
@ApiBearerAuth()
@Roles('unit_worker', 'contact_point')
@Controller('advice-requests')
export class AdviceRequestsController {
  constructor(private readonly advice: AdviceRequestsService) {}

  @ApiOperation({ summary: "List advice requests (the unit worker sees their unit's; no narrative)" })
  @ApiListOf(AdviceRequestSummaryView)
  @Get()
  list(@CurrentActor() actor: Actor, @List(ADVICE_LIST) query: ListQuery) {
    return this.advice.list(actor, query);
  }

  @ApiOperation({ summary: 'Read an advice request with its question and thread (narrative; audited)' })
  @ApiView(AdviceRequestView)
  @Get(':id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.advice.get(actor, id);
  }

  @ApiOperation({ summary: 'Ask the contact point for advice on a case of the unit' })
  @ApiCreated(AdviceRequestView)
  @Roles('unit_worker')
  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAdviceRequestDto) {
    return this.advice.create(actor, dto);
  }

  @ApiOperation({ summary: 'Not allowed: advice requests are never deleted' })
  @ApiNotAllowed('Advice requests are never deleted; close it instead')
  @Delete(':id')
  remove(@IdParam() _id: string): never {
    neverDeleted('Advice requests', 'close it instead');
  }

  @ApiOperation({
    summary: "Write in the thread: the contact point's answer (→ answered) or the unit's follow-up (→ open)",
  })
  @ApiView(AdviceRequestView, 'The updated advice request')
  @ApiConflictResponse({ type: ErrorBodyView, description: 'The request is closed (`ADVICE_WRONG_STATUS`)' })
  @Post(':id/answer')
  @HttpCode(200)
  answer(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: AdviceMessageDto) {
    return this.advice.answer(actor, id, dto.message);
  }

  @ApiOperation({ summary: 'Close the thread (the contact point or the asking unit)' })
  @ApiView(AdviceRequestView, 'The updated advice request')
  @ApiConflictResponse({ type: ErrorBodyView, description: 'Already closed (`ADVICE_WRONG_STATUS`)' })
  @Post(':id/close')
  @HttpCode(200)
  close(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.advice.close(actor, id);
  }
}
