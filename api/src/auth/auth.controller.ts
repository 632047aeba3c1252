import { Body, Controller, Get, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, AllowWithoutSecondFactor, CurrentActor, Public } from './auth.decorators.js';
import { AuthService, toSessionUser } from './auth.service.js';
import { LoginDto } from './dto/login.dto.js';
import { RetryAfterInterceptor } from './retry-after.interceptor.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseInterceptors(RetryAfterInterceptor)
  @ApiOkResponse({ description: '{ accessToken, user }' })
  login(@Body() dto: LoginDto) {
    return this.auth.login(dto);
  }

  @ApiBearerAuth()
  @AllowWithoutSecondFactor()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentActor() actor: Actor): Promise<void> {
    await this.auth.logout(actor);
  }

  @ApiBearerAuth()
  @AllowWithoutSecondFactor()
  @Get('me')
  me(@CurrentActor() actor: Actor) {
    return toSessionUser(actor);
  }
}
