import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, AnyRole, CurrentActor } from '../auth/auth.decorators.js';
import { IdParam } from '../common/id-param.js';
import { List, type ListQuery } from '../common/list-query.js';
import { ApiListOf, ApiView } from '../common/openapi.js';
import { MarkedCountView, NotificationView, UnreadCountView } from './dto/notification.view.js';
import { NOTIFICATION_LIST, NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@AnyRole()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @ApiOperation({ summary: 'List my notifications: unread first, then newest' })
  @ApiListOf(NotificationView)
  @Get()
  list(@CurrentActor() actor: Actor, @List(NOTIFICATION_LIST) query: ListQuery) {
    return this.notifications.list(actor, query);
  }

  // before ':id', which would take "unread-count" for an id
  @ApiOperation({ summary: 'How many of my notifications are unread (the bell)' })
  @ApiView(UnreadCountView, 'The count')
  @Get('unread-count')
  unreadCount(@CurrentActor() actor: Actor) {
    return this.notifications.unreadCount(actor);
  }

  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiView(MarkedCountView, 'How many were marked')
  @Post('read-all')
  @HttpCode(200)
  readAll(@CurrentActor() actor: Actor) {
    return this.notifications.markAllRead(actor);
  }

  @ApiOperation({ summary: 'Read one of my notifications' })
  @ApiView(NotificationView)
  @Get(':id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.notifications.get(actor, id);
  }

  @ApiOperation({ summary: 'Mark one of my notifications read (again: no change)' })
  @ApiView(NotificationView)
  @Post(':id/read')
  @HttpCode(200)
  read(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.notifications.markRead(actor, id);
  }
}
