import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/auth.decorators.js';
import { IdParam } from '../common/id-param.js';
import { List, type ListQuery } from '../common/list-query.js';
import { CreateGuidelineDto, UpdateGuidelineDto } from './dto/guideline.dto.js';
import { GUIDELINE_LIST, GuidelinesService } from './guidelines.service.js';

@ApiTags('guidelines')
@ApiBearerAuth()
@Controller('guidelines')
export class GuidelinesController {
  constructor(private readonly guidelines: GuidelinesService) {}

  @Get()
  list(@List(GUIDELINE_LIST) query: ListQuery) {
    return this.guidelines.list(query);
  }

  @Get(':id')
  get(@IdParam() id: string) {
    return this.guidelines.get(id);
  }

  @Roles('contact_point')
  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateGuidelineDto) {
    return this.guidelines.create(actor, dto);
  }

  @Roles('contact_point')
  @Put(':id')
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateGuidelineDto) {
    return this.guidelines.update(actor, id, dto);
  }

  @Roles('contact_point')
  @Delete(':id')
  remove(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.guidelines.remove(actor, id);
  }

  @Roles('contact_point')
  @Post(':id/publish')
  @HttpCode(200)
  publish(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.guidelines.publish(actor, id);
  }

  @Roles('contact_point')
  @Post(':id/retire')
  @HttpCode(200)
  retire(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.guidelines.retire(actor, id);
  }
}
