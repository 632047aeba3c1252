import { Body, Controller, Get, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { type Actor, AllowWithoutSecondFactor, AnyRole, CurrentActor, Public } from './auth.decorators.js';
import { AuthService, toSessionUser } from './auth.service.js';
import { LoginDto } from './dto/login.dto.js';
import { RetryAfterInterceptor } from './retry-after.interceptor.js';
import { ApiView, ErrorBodyView } from '../common/openapi.js';
import { LoginView, SessionUserView } from './dto/auth.view.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @ApiOperation({ summary: 'Sign in with e-mail, password and (when on) a second-factor code' })
  @ApiView(LoginView, 'The bearer token and the user')
  @ApiResponse({
    status: 401,
    description: 'Wrong e-mail, password or code (`code` says when a code is needed)',
    content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBodyView) } } },
  })
  @ApiResponse({
    status: 429,
    description: 'Too many attempts; `Retry-After` says when to try again',
    content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBodyView) } } },
  })
  @Public()
  @Post('login')
  @HttpCode(200)
  @UseInterceptors(RetryAfterInterceptor)
  login(@Body() dto: LoginDto) {
    return this.auth.login(dto);
  }

  @ApiOperation({ summary: 'Sign out: the token is revoked at once' })
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiBearerAuth()
  @AllowWithoutSecondFactor()
  @AnyRole()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentActor() actor: Actor): Promise<void> {
    await this.auth.logout(actor);
  }

  @ApiOperation({ summary: 'The signed-in user' })
  @ApiView(SessionUserView, 'The user')
  @ApiBearerAuth()
  @AllowWithoutSecondFactor()
  @AnyRole()
  @Get('me')
  me(@CurrentActor() actor: Actor) {
    return toSessionUser(actor);
  }
}
