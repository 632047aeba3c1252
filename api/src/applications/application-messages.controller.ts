import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/auth.decorators.js';
import { List, type ListQuery } from '../common/list-query.js';
import { ApplicationMessagesService, MESSAGE_LIST } from './application-messages.service.js';
import { ApiListOf } from '../common/openapi.js';
import { ApplicationMessageView } from './dto/application.view.js';

@ApiTags('application-messages')
@ApiBearerAuth()
@Roles('unit_worker', 'contact_point')
@Controller('application-messages')
export class ApplicationMessagesController {
  constructor(private readonly messages: ApplicationMessagesService) {}

  @ApiOperation({ summary: 'List the thread of an application (narrative; audited)' })
  @ApiListOf(ApplicationMessageView)
  @Get()
  list(@CurrentActor() actor: Actor, @List(MESSAGE_LIST) query: ListQuery) {
    return this.messages.list(actor, query);
  }
}
