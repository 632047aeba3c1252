import { Body, Controller, Get, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, AllowWithoutSecondFactor, CurrentActor } from './auth.decorators.js';
import { ConfirmTotpDto, DisableTotpDto } from './dto/totp.dto.js';
import { RetryAfterInterceptor } from './retry-after.interceptor.js';
import { TotpService } from './totp.service.js';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth/totp')
export class TotpController {
  constructor(private readonly totp: TotpService) {}

  @AllowWithoutSecondFactor()
  @Get()
  @ApiOkResponse({ description: '{ enabled, required, recoveryCodesLeft }' })
  status(@CurrentActor() actor: Actor) {
    return this.totp.status(actor);
  }

  @AllowWithoutSecondFactor()
  @Post('setup')
  @HttpCode(200)
  @ApiOkResponse({ description: '{ secret, otpauthUri, qrCode }: a new secret, waiting for its first code' })
  setup(@CurrentActor() actor: Actor) {
    return this.totp.setup(actor);
  }

  @AllowWithoutSecondFactor()
  @Post('confirm')
  @HttpCode(200)
  @ApiOkResponse({ description: '{ recoveryCodes }: ten one-time codes, shown this once' })
  confirm(@CurrentActor() actor: Actor, @Body() dto: ConfirmTotpDto) {
    return this.totp.confirm(actor, dto.code);
  }

  @Post('disable')
  @HttpCode(204)
  @UseInterceptors(RetryAfterInterceptor)
  async disable(@CurrentActor() actor: Actor, @Body() dto: DisableTotpDto): Promise<void> {
    await this.totp.disable(actor, dto);
  }
}
