import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/auth.decorators.js';
import { IdParam } from '../common/id-param.js';
import { List, type ListQuery } from '../common/list-query.js';
import { ApiListOf, ApiView } from '../common/openapi.js';
import { EmailDeliveryView } from './dto/notification.view.js';
import { EMAIL_DELIVERY_LIST, EmailDeliveriesService } from './email-deliveries.service.js';

@ApiTags('email-deliveries')
@ApiBearerAuth()
@Roles('admin')
@Controller('email-deliveries')
export class EmailDeliveriesController {
  constructor(private readonly deliveries: EmailDeliveriesService) {}

  @ApiOperation({ summary: 'List notification e-mails: pending, sent and failed (never their text)' })
  @ApiListOf(EmailDeliveryView)
  @Get()
  list(@List(EMAIL_DELIVERY_LIST) query: ListQuery) {
    return this.deliveries.list(query);
  }

  @ApiOperation({ summary: 'Read one notification e-mail’s delivery' })
  @ApiView(EmailDeliveryView)
  @Get(':id')
  get(@IdParam() id: string) {
    return this.deliveries.get(id);
  }

  @ApiOperation({ summary: 'Try a failed e-mail again (409 unless it failed)' })
  @ApiView(EmailDeliveryView)
  @Post(':id/retry')
  @HttpCode(200)
  retry(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.deliveries.retry(actor, id);
  }
}
