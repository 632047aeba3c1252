import { Body, Controller, Delete, Get, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/auth.decorators.js';
import { neverDeleted } from '../common/never-deleted.js';
import { IdParam } from '../common/id-param.js';
import { List, type ListQuery } from '../common/list-query.js';
import { CreateUnitDto, UpdateUnitDto } from './dto/unit.dto.js';
import { UNIT_LIST, UnitsService } from './units.service.js';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  list(@List(UNIT_LIST) query: ListQuery) {
    return this.units.list(query);
  }

  @Get(':id')
  get(@IdParam() id: string) {
    return this.units.get(id);
  }

  @Roles('admin')
  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUnitDto) {
    return this.units.create(actor, dto);
  }

  @Roles('admin')
  @Put(':id')
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateUnitDto) {
    return this.units.update(actor, id, dto);
  }

  @Roles('admin')
  @Delete(':id')
  remove(@IdParam() _id: string): never {
    neverDeleted('Units', 'set active to false instead');
  }
}
