import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, AnyRole, CurrentActor, Roles } from '../auth/auth.decorators.js';
import { IdParam } from '../common/id-param.js';
import { List, type ListQuery } from '../common/list-query.js';
import { CreateGuidelineDto, UpdateGuidelineDto } from './dto/guideline.dto.js';
import { GUIDELINE_LIST, GuidelinesService } from './guidelines.service.js';
import { ApiCreated, ApiListOf, ApiView } from '../common/openapi.js';
import { GuidelineView } from './dto/guideline.view.js';

@ApiTags('guidelines')
@ApiBearerAuth()
@Controller('guidelines')
export class GuidelinesController {
  constructor(private readonly guidelines: GuidelinesService) {}

  @ApiOperation({ summary: 'List guideline versions' })
  @ApiListOf(GuidelineView)
  @AnyRole()
  @Get()
  list(@List(GUIDELINE_LIST) query: ListQuery) {
    return this.guidelines.list(query);
  }

  @ApiOperation({ summary: 'Read a guideline version' })
  @ApiView(GuidelineView)
  @AnyRole()
  @Get(':id')
  get(@IdParam() id: string) {
    return this.guidelines.get(id);
  }

  @ApiOperation({ summary: 'Create a guideline version' })
  @ApiCreated(GuidelineView)
  @Roles('contact_point')
  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateGuidelineDto) {
    return this.guidelines.create(actor, dto);
  }

  @ApiOperation({ summary: 'Change a guideline version (only the fields sent)' })
  @ApiView(GuidelineView, 'The updated guideline version')
  @Roles('contact_point')
  @Put(':id')
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateGuidelineDto) {
    return this.guidelines.update(actor, id, dto);
  }

  @ApiOperation({ summary: 'Delete a draft guideline version (a published one is retired instead)' })
  @ApiView(GuidelineView, 'The deleted draft')
  @Roles('contact_point')
  @Delete(':id')
  remove(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.guidelines.remove(actor, id);
  }

  @ApiOperation({ summary: 'Publish a draft: it is in force from its effective date' })
  @ApiView(GuidelineView, 'The published version')
  @Roles('contact_point')
  @Post(':id/publish')
  @HttpCode(200)
  publish(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.guidelines.publish(actor, id);
  }

  @ApiOperation({ summary: 'Retire a published version' })
  @ApiView(GuidelineView, 'The retired version')
  @Roles('contact_point')
  @Post(':id/retire')
  @HttpCode(200)
  retire(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.guidelines.retire(actor, id);
  }
}
