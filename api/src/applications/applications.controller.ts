import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/auth.decorators.js';
import { IdParam } from '../common/id-param.js';
import { List, type ListQuery } from '../common/list-query.js';
import { neverDeleted } from '../common/never-deleted.js';
import { ApplicationWorkflowService } from './application-workflow.service.js';
import { APPLICATION_LIST, ApplicationsService } from './applications.service.js';
import { ApproveDto, MessageDto, ReasonDto } from './dto/actions.dto.js';
import { CreateApplicationDto, UpdateApplicationDto } from './dto/application.dto.js';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly workflow: ApplicationWorkflowService,
  ) {}

  @Get()
  list(@CurrentActor() actor: Actor, @List(APPLICATION_LIST) query: ListQuery) {
    return this.applications.list(actor, query);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.applications.get(actor, id);
  }

  @Roles('unit_worker')
  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateApplicationDto) {
    return this.applications.create(actor, dto);
  }

  @Roles('unit_worker')
  @Put(':id')
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateApplicationDto) {
    return this.applications.update(actor, id, dto);
  }

  @Delete(':id')
  remove(@IdParam() _id: string): never {
    neverDeleted('Applications', 'withdraw it instead');
  }

  @Roles('unit_worker', 'contact_point')
  @Post(':id/check')
  @HttpCode(200)
  check(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.workflow.check(actor, id);
  }

  @Post(':id/submit')
  @HttpCode(200)
  submit(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.workflow.submit(actor, id);
  }

  @Post(':id/answer')
  @HttpCode(200)
  answer(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: MessageDto) {
    return this.workflow.answer(actor, id, dto.message);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ReasonDto) {
    return this.workflow.withdraw(actor, id, dto.reason);
  }

  @Post(':id/start-review')
  @HttpCode(200)
  startReview(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.workflow.startReview(actor, id);
  }

  @Post(':id/request-info')
  @HttpCode(200)
  requestInfo(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: MessageDto) {
    return this.workflow.requestInfo(actor, id, dto.message);
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ApproveDto) {
    return this.workflow.approve(actor, id, dto);
  }

  @Post(':id/reject')
  @HttpCode(200)
  reject(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ReasonDto) {
    return this.workflow.reject(actor, id, dto.reason);
  }

  @Post(':id/carry-over')
  @HttpCode(200)
  carryOver(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ReasonDto) {
    return this.workflow.carryOver(actor, id, dto.reason);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ReasonDto) {
    return this.workflow.cancel(actor, id, dto.reason);
  }
}
