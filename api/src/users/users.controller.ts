import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/auth.decorators.js';
import { neverDeleted } from '../common/never-deleted.js';
import { IdParam } from '../common/id-param.js';
import { List, type ListQuery } from '../common/list-query.js';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto.js';
import { USER_LIST, UsersService } from './users.service.js';
import { ApiCreated, ApiListOf, ApiNotAllowed, ApiView } from '../common/openapi.js';
import { UserView } from './dto/user.view.js';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @ApiOperation({ summary: 'List users' })
  @ApiListOf(UserView)
  @Get()
  list(@List(USER_LIST) query: ListQuery) {
    return this.users.list(query);
  }

  @ApiOperation({ summary: 'Read a user' })
  @ApiView(UserView)
  @Get(':id')
  get(@IdParam() id: string) {
    return this.users.get(id);
  }

  @ApiOperation({ summary: 'Create a user' })
  @ApiCreated(UserView)
  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto) {
    return this.users.create(actor, dto);
  }

  @ApiOperation({ summary: 'Change a user (only the fields sent)' })
  @ApiView(UserView, 'The updated user')
  @Put(':id')
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(actor, id, dto);
  }

  @ApiOperation({ summary: "Turn off a user's second factor (a lost phone), ending every session of the user" })
  @ApiView(UserView, 'The user, without a second factor')
  @Post(':id/reset-totp')
  @HttpCode(200)
  resetTotp(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.users.resetTotp(actor, id);
  }

  @ApiOperation({ summary: 'Not allowed: users are never deleted' })
  @ApiNotAllowed('Users are never deleted; set active to false instead')
  @Delete(':id')
  remove(@IdParam() _id: string): never {
    neverDeleted('Users', 'set active to false instead');
  }
}
