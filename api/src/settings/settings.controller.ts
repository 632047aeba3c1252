import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ApiView } from '../common/openapi.js';
import { SettingsView } from './settings.view.js';

/** What a client needs to know about the installation to show its figures. */
@ApiTags('settings')
@Controller('settings')
export class SettingsController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @ApiOperation({ summary: "The installation's profile, currency, locale and language, and whether it runs the demo" })
  @ApiView(SettingsView, 'The settings')
  @Public()
  @Get()
  get(): SettingsView {
    const { installation, currency, profile, demo } = this.config;
    return { installation, currency, locale: profile.locale, language: profile.language, demo };
  }
}
