import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/auth.decorators.js';
import { IdParam } from '../common/id-param.js';
import { List, type ListQuery } from '../common/list-query.js';
import { neverDeleted } from '../common/never-deleted.js';
import { BUDGET_YEAR_LIST, BudgetYearsService } from './budget-years.service.js';
import { CreateBudgetYearDto, UpdateBudgetYearDto } from './dto/budget-year.dto.js';

@ApiTags('budget-years')
@ApiBearerAuth()
@Controller('budget-years')
export class BudgetYearsController {
  constructor(private readonly years: BudgetYearsService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @List(BUDGET_YEAR_LIST) query: ListQuery) {
    return this.years.list(actor, query);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.years.get(actor, id);
  }

  @Roles('contact_point')
  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateBudgetYearDto) {
    return this.years.create(actor, dto);
  }

  @Roles('contact_point')
  @Put(':id')
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateBudgetYearDto) {
    return this.years.update(actor, id, dto);
  }

  @Roles('contact_point')
  @Post(':id/close')
  @HttpCode(200)
  close(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.years.close(actor, id);
  }

  @Delete(':id')
  remove(@IdParam() _id: string): never {
    neverDeleted('Budget years', 'close the year instead');
  }
}
