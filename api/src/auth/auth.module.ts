import { Global, Module } from '@nestjs/common';
import { NotificationWriterModule } from '../notifications/notification-writer.module.js';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { TotpController } from './totp.controller.js';
import { TotpService } from './totp.service.js';

@Global()
@Module({
  imports: [NotificationWriterModule],
  controllers: [AuthController, TotpController],
  providers: [AuthService, LoginThrottleService, TotpService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, TotpService],
})
export class AuthModule {}
