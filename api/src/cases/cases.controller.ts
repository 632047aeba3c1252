import { Body, Controller, Delete, Get, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/auth.decorators.js';
import { IdParam } from '../common/id-param.js';
import { List, type ListQuery } from '../common/list-query.js';
import { neverDeleted } from '../common/never-deleted.js';
import { CASE_LIST, CasesService } from './cases.service.js';
import { CreateCaseDto, UpdateCaseDto } from './dto/case.dto.js';

@ApiTags('cases')
@ApiBearerAuth()
@Roles('unit_worker', 'contact_point')
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @List(CASE_LIST) query: ListQuery) {
    return this.cases.list(actor, query);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.cases.get(actor, id);
  }

  @Roles('unit_worker')
  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCaseDto) {
    return this.cases.create(actor, dto);
  }

  @Roles('unit_worker')
  @Put(':id')
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateCaseDto) {
    return this.cases.update(actor, id, dto);
  }

  @Delete(':id')
  remove(@IdParam() _id: string): never {
    neverDeleted('Cases', 'set the status to completed or discontinued');
  }
}
