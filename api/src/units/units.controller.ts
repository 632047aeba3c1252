import { Body, Controller, Delete, Get, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, AnyRole, CurrentActor, Roles } from '../auth/auth.decorators.js';
import { neverDeleted } from '../common/never-deleted.js';
import { IdParam } from '../common/id-param.js';
import { List, type ListQuery } from '../common/list-query.js';
import { CreateUnitDto, UpdateUnitDto } from './dto/unit.dto.js';
import { UNIT_LIST, UnitsService } from './units.service.js';
import { ApiCreated, ApiListOf, ApiNotAllowed, ApiView } from '../common/openapi.js';
import { UnitView } from './dto/unit.view.js';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @ApiOperation({ summary: 'List units' })
  @ApiListOf(UnitView)
  @AnyRole()
  @Get()
  list(@List(UNIT_LIST) query: ListQuery) {
    return this.units.list(query);
  }

  @ApiOperation({ summary: 'Read a unit' })
  @ApiView(UnitView)
  @AnyRole()
  @Get(':id')
  get(@IdParam() id: string) {
    return this.units.get(id);
  }

  @ApiOperation({ summary: 'Create a unit' })
  @ApiCreated(UnitView)
  @Roles('admin')
  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUnitDto) {
    return this.units.create(actor, dto);
  }

  @ApiOperation({ summary: 'Change a unit (only the fields sent)' })
  @ApiView(UnitView, 'The updated unit')
  @Roles('admin')
  @Put(':id')
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateUnitDto) {
    return this.units.update(actor, id, dto);
  }

  @ApiOperation({ summary: 'Not allowed: units are never deleted' })
  @ApiNotAllowed('Units are never deleted; set active to false instead')
  @Roles('admin')
  @Delete(':id')
  remove(@IdParam() _id: string): never {
    neverDeleted('Units', 'set active to false instead');
  }
}
