import { Body, Controller, Get, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, AllowWithoutSecondFactor, AnyRole, CurrentActor } from './auth.decorators.js';
import { ConfirmTotpDto, DisableTotpDto } from './dto/totp.dto.js';
import { RetryAfterInterceptor } from './retry-after.interceptor.js';
import { TotpService } from './totp.service.js';
import { ApiView } from '../common/openapi.js';
import { TotpConfirmationView, TotpSetupView, TotpStatusView } from './dto/auth.view.js';

@ApiTags('auth')
@ApiBearerAuth()
@AnyRole()
@Controller('auth/totp')
export class TotpController {
  constructor(private readonly totp: TotpService) {}

  @ApiOperation({ summary: 'Whether the second factor is on, required, and how many recovery codes are left' })
  @ApiView(TotpStatusView, 'The state of the second factor')
  @AllowWithoutSecondFactor()
  @Get()
  status(@CurrentActor() actor: Actor) {
    return this.totp.status(actor);
  }

  @ApiOperation({ summary: 'Start enrolment: a new secret, waiting for its first code' })
  @ApiView(TotpSetupView, 'The secret, its otpauth URI and QR code')
  @AllowWithoutSecondFactor()
  @Post('setup')
  @HttpCode(200)
  setup(@CurrentActor() actor: Actor) {
    return this.totp.setup(actor);
  }

  @ApiOperation({ summary: 'Finish enrolment with a first code; answers the recovery codes once' })
  @ApiView(TotpConfirmationView, 'The recovery codes')
  @AllowWithoutSecondFactor()
  @Post('confirm')
  @HttpCode(200)
  confirm(@CurrentActor() actor: Actor, @Body() dto: ConfirmTotpDto) {
    return this.totp.confirm(actor, dto.code);
  }

  @ApiOperation({ summary: 'Turn the second factor off with the password and a current code' })
  @ApiNoContentResponse({ description: 'Turned off' })
  @Post('disable')
  @HttpCode(204)
  @UseInterceptors(RetryAfterInterceptor)
  async disable(@CurrentActor() actor: Actor, @Body() dto: DisableTotpDto): Promise<void> {
    await this.totp.disable(actor, dto);
  }
}
