import { type ApplicationAction, rolesFor } from '@app/workflow';
import { applyDecorators, Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, AnyRole, CurrentActor, RoleRefusal, Roles } from '../auth/auth.decorators.js';
import { IdParam } from '../common/id-param.js';
import { List, type ListQuery } from '../common/list-query.js';
import { neverDeleted } from '../common/never-deleted.js';
import { ApiCreated, ApiListOf, ApiNotAllowed, ApiView } from '../common/openapi.js';
import { ApplicationWorkflowService } from './application-workflow.service.js';
import { ApplicationError, ApplicationErrorCode } from './applications.errors.js';
import { APPLICATION_LIST, ApplicationsService } from './applications.service.js';
import { ApproveDto, MessageDto, ReasonDto } from './dto/actions.dto.js';
import { CreateApplicationDto, UpdateApplicationDto } from './dto/application.dto.js';
import { ApplicationView, CheckResultView, RefusedByFindingsView } from './dto/application.view.js';

/**
 * Who may take a workflow action is the state machine's (libs/workflow WORKFLOW); a wrong
 * role is refused by the guard, before the application row is locked, with the code the
 * UI already words.
 */
const ActionRoles = (action: ApplicationAction) =>
  applyDecorators(
    Roles(...rolesFor(action)),
    RoleRefusal(
      () => new ApplicationError(ApplicationErrorCode.NotYourRole, `Your role may not ${action} an application`),
    ),
  );

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly workflow: ApplicationWorkflowService,
  ) {}

  @ApiOperation({ summary: "List applications (the unit worker sees their unit's)" })
  @ApiListOf(ApplicationView)
  @AnyRole()
  @Get()
  list(@CurrentActor() actor: Actor, @List(APPLICATION_LIST) query: ListQuery) {
    return this.applications.list(actor, query);
  }

  @ApiOperation({ summary: 'Read an application (narrative only for those with need to know; audited)' })
  @ApiView(ApplicationView)
  @AnyRole()
  @Get(':id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.applications.get(actor, id);
  }

  @ApiOperation({ summary: 'Write a new application in draft for a case of the unit' })
  @ApiCreated(ApplicationView)
  @Roles('unit_worker')
  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateApplicationDto) {
    return this.applications.create(actor, dto);
  }

  @ApiOperation({ summary: 'Change an application the unit may still change' })
  @ApiView(ApplicationView, 'The updated application')
  @Roles('unit_worker')
  @Put(':id')
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateApplicationDto) {
    return this.applications.update(actor, id, dto);
  }

  @ApiOperation({ summary: 'Not allowed: applications are never deleted' })
  @ApiNotAllowed('Applications are never deleted; withdraw it instead')
  @AnyRole()
  @Delete(':id')
  remove(@IdParam() _id: string): never {
    neverDeleted('Applications', 'withdraw it instead');
  }

  @ApiOperation({ summary: 'Check against the guidelines in force, changing nothing' })
  @ApiView(CheckResultView, 'The findings')
  @Roles('unit_worker', 'contact_point')
  @Post(':id/check')
  @HttpCode(200)
  check(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.workflow.check(actor, id);
  }

  @ApiConflictResponse({
    type: RefusedByFindingsView,
    description: 'Not a draft (`code`), or stopped by a block finding (`findings`)',
  })
  @ApiOperation({ summary: 'Submit a draft to the contact point (refused by a block finding)' })
  @ApiView(ApplicationView, 'The updated application')
  @ActionRoles('submit')
  @Post(':id/submit')
  @HttpCode(200)
  submit(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.workflow.submit(actor, id);
  }

  @ApiOperation({ summary: "Answer the contact point's request for information" })
  @ApiView(ApplicationView, 'The updated application')
  @ActionRoles('answer')
  @Post(':id/answer')
  @HttpCode(200)
  answer(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: MessageDto) {
    return this.workflow.answer(actor, id, dto.message);
  }

  @ApiOperation({ summary: 'Withdraw before a decision, with a reason' })
  @ApiView(ApplicationView, 'The updated application')
  @ActionRoles('withdraw')
  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ReasonDto) {
    return this.workflow.withdraw(actor, id, dto.reason);
  }

  @ApiOperation({ summary: 'Take a submitted application into review' })
  @ApiView(ApplicationView, 'The updated application')
  @ActionRoles('start-review')
  @Post(':id/start-review')
  @HttpCode(200)
  startReview(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.workflow.startReview(actor, id);
  }

  @ApiOperation({ summary: 'Ask the unit for information' })
  @ApiView(ApplicationView, 'The updated application')
  @ActionRoles('request-info')
  @Post(':id/request-info')
  @HttpCode(200)
  requestInfo(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: MessageDto) {
    return this.workflow.requestInfo(actor, id, dto.message);
  }

  @ApiConflictResponse({
    type: RefusedByFindingsView,
    description:
      'The status does not allow it, a second approver differs, or a block finding or a warning without a justification stops it (`findings`)',
  })
  @ApiOperation({ summary: 'Approve in full or in part (a second contact point above the threshold)' })
  @ApiView(ApplicationView, 'The updated application')
  @ActionRoles('approve')
  @Post(':id/approve')
  @HttpCode(200)
  approve(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ApproveDto) {
    return this.workflow.approve(actor, id, dto);
  }

  @ApiOperation({ summary: 'Reject, with a reason' })
  @ApiView(ApplicationView, 'The updated application')
  @ActionRoles('reject')
  @Post(':id/reject')
  @HttpCode(200)
  reject(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ReasonDto) {
    return this.workflow.reject(actor, id, dto.reason);
  }

  @ApiOperation({ summary: "Carry a grant's unpaid rest over to the next budget year" })
  @ApiView(ApplicationView, 'The updated application')
  @ActionRoles('carry-over')
  @Post(':id/carry-over')
  @HttpCode(200)
  carryOver(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ReasonDto) {
    return this.workflow.carryOver(actor, id, dto.reason);
  }

  @ApiOperation({ summary: 'Cancel a grant, releasing what is unpaid to the pool' })
  @ApiView(ApplicationView, 'The updated application')
  @ActionRoles('cancel')
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ReasonDto) {
    return this.workflow.cancel(actor, id, dto.reason);
  }
}
