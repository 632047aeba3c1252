import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, AnyRole, CurrentActor, Roles } from '../auth/auth.decorators.js';
import { IdParam } from '../common/id-param.js';
import { List, type ListQuery } from '../common/list-query.js';
import { neverDeleted } from '../common/never-deleted.js';
import { BUDGET_YEAR_LIST, BudgetYearsService } from './budget-years.service.js';
import { CreateBudgetYearDto, UpdateBudgetYearDto } from './dto/budget-year.dto.js';
import { ApiCreated, ApiListOf, ApiNotAllowed, ApiView } from '../common/openapi.js';
import { BudgetYearView } from './dto/budget-year.view.js';

@ApiTags('budget-years')
@ApiBearerAuth()
@Controller('budget-years')
export class BudgetYearsController {
  constructor(private readonly years: BudgetYearsService) {}

  @ApiOperation({ summary: 'List budget years' })
  @ApiListOf(BudgetYearView)
  @AnyRole()
  @Get()
  list(@CurrentActor() actor: Actor, @List(BUDGET_YEAR_LIST) query: ListQuery) {
    return this.years.list(actor, query);
  }

  @ApiOperation({ summary: 'Read a budget year' })
  @ApiView(BudgetYearView)
  @AnyRole()
  @Get(':id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.years.get(actor, id);
  }

  @ApiOperation({ summary: 'Open a budget year with its pool' })
  @ApiCreated(BudgetYearView)
  @Roles('contact_point')
  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateBudgetYearDto) {
    return this.years.create(actor, dto);
  }

  @ApiOperation({ summary: 'Change the pool (never below committed + disbursed) or the allocations' })
  @ApiView(BudgetYearView, 'The updated budget year')
  @Roles('contact_point')
  @Put(':id')
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateBudgetYearDto) {
    return this.years.update(actor, id, dto);
  }

  @ApiOperation({ summary: 'Close the year once no grant holds money in it' })
  @ApiView(BudgetYearView, 'The closed budget year')
  @Roles('contact_point')
  @Post(':id/close')
  @HttpCode(200)
  close(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.years.close(actor, id);
  }

  @ApiOperation({ summary: 'Not allowed: budget years are never deleted' })
  @ApiNotAllowed('Budget years are never deleted; close the year instead')
  @AnyRole()
  @Delete(':id')
  remove(@IdParam() _id: string): never {
    neverDeleted('Budget years', 'close the year instead');
  }
}
