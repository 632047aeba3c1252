import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, AnyRole, CurrentActor } from '../auth/auth.decorators.js';
import { ApiView } from '../common/openapi.js';
import { PreferencesDto } from './dto/preferences.dto.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('auth')
@ApiBearerAuth()
@AnyRole()
@Controller('auth/preferences')
export class PreferencesController {
  constructor(private readonly notifications: NotificationsService) {}

  @ApiOperation({ summary: 'My language and how I want notification e-mail' })
  @ApiView(PreferencesDto, 'The preferences')
  @Get()
  get(@CurrentActor() actor: Actor) {
    return this.notifications.preferences(actor);
  }

  @ApiOperation({ summary: 'Set my language and how I want notification e-mail (both fields)' })
  @ApiView(PreferencesDto, 'The preferences')
  @Put()
  put(@CurrentActor() actor: Actor, @Body() dto: PreferencesDto) {
    return this.notifications.setPreferences(actor, dto);
  }
}
