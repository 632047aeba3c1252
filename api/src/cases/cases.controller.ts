import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/auth.decorators.js';
import { IdParam } from '../common/id-param.js';
import { List, type ListQuery } from '../common/list-query.js';
import { neverDeleted } from '../common/never-deleted.js';
import { CASE_LIST, CasesService, toCaseRecord } from './cases.service.js';
import { CreateCaseDto, UpdateCaseDto, WithdrawConsentDto } from './dto/case.dto.js';
import { ApiCreated, ApiListOf, ApiNotAllowed, ApiView } from '../common/openapi.js';
import { CaseView } from './dto/case.view.js';

@ApiTags('cases')
@ApiBearerAuth()
@Roles('unit_worker', 'contact_point')
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @ApiOperation({ summary: "List cases (the unit worker sees their unit's)" })
  @ApiListOf(CaseView)
  @Get()
  list(@CurrentActor() actor: Actor, @List(CASE_LIST) query: ListQuery) {
    return this.cases.list(actor, query);
  }

  @ApiOperation({ summary: 'Read a case' })
  @ApiView(CaseView)
  @Get(':id')
  async get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return toCaseRecord(await this.cases.get(actor, id));
  }

  @ApiOperation({ summary: 'Register a pseudonymous case of the unit (the reference is made by the server)' })
  @ApiCreated(CaseView)
  @Roles('unit_worker')
  @Post()
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateCaseDto) {
    return toCaseRecord(await this.cases.create(actor, dto));
  }

  @ApiOperation({ summary: 'Change a case (only the fields sent)' })
  @ApiView(CaseView, 'The updated case')
  @Roles('unit_worker')
  @Put(':id')
  async update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateCaseDto) {
    return toCaseRecord(await this.cases.update(actor, id, dto));
  }

  @ApiOperation({
    summary:
      'The candidate withdraws consent, from the parties named or all: their workers get 404 for the case at once, ' +
      'no new application is made once no party is left, and the books stay',
  })
  @ApiView(CaseView, 'The updated case')
  @HttpCode(200)
  @Post(':id/withdraw-consent')
  async withdrawConsent(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: WithdrawConsentDto) {
    return toCaseRecord(await this.cases.withdrawConsent(actor, id, dto));
  }

  @ApiOperation({ summary: 'Not allowed: cases are never deleted' })
  @ApiNotAllowed('Cases are never deleted; set the status to completed or discontinued')
  @Delete(':id')
  remove(@IdParam() _id: string): never {
    neverDeleted('Cases', 'set the status to completed or discontinued');
  }
}
