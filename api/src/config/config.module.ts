import { type DynamicModule, Global, Module } from '@nestjs/common';
import { setNationalIdFirst } from '../common/validators.js';
import { APP_CONFIG, type AppConfig } from './app-config.js';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    // the identity number guard of the DTOs names the installation's own number first
    setNationalIdFirst(config.profile.nationalIdFirst);
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
