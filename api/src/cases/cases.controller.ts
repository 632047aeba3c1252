import { Body, Controller, Delete, Get, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/auth.decorators.js';
import { IdParam } from '../common/id-param.js';
import { List, type ListQuery } from '../common/list-query.js';
import { neverDeleted } from '../common/never-deleted.js';
import { CASE_LIST, CasesService } from './cases.service.js';
import { CreateCaseDto, UpdateCaseDto } from './dto/case.dto.js';
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
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.cases.get(actor, id);
  }

  @ApiOperation({ summary: 'Register a pseudonymous case of the unit (the reference is made by the server)' })
  @ApiCreated(CaseView)
  @Roles('unit_worker')
  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCaseDto) {
    return this.cases.create(actor, dto);
  }

  @ApiOperation({ summary: 'Change a case (only the fields sent)' })
  @ApiView(CaseView, 'The updated case')
  @Roles('unit_worker')
  @Put(':id')
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateCaseDto) {
    return this.cases.update(actor, id, dto);
  }

  @ApiOperation({ summary: 'Not allowed: cases are never deleted' })
  @ApiNotAllowed('Cases are never deleted; set the status to completed or discontinued')
  @Delete(':id')
  remove(@IdParam() _id: string): never {
    neverDeleted('Cases', 'set the status to completed or discontinued');
  }
}
