import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/auth.decorators.js';
import { neverDeleted } from '../common/never-deleted.js';
import { IdParam } from '../common/id-param.js';
import { List, type ListQuery } from '../common/list-query.js';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto.js';
import { USER_LIST, UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(@List(USER_LIST) query: ListQuery) {
    return this.users.list(query);
  }

  @Get(':id')
  get(@IdParam() id: string) {
    return this.users.get(id);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto) {
    return this.users.create(actor, dto);
  }

  @Put(':id')
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(actor, id, dto);
  }

  @Post(':id/reset-totp')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The user, without a second factor; every session of the user has ended' })
  resetTotp(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.users.resetTotp(actor, id);
  }

  @Delete(':id')
  remove(@IdParam() _id: string): never {
    neverDeleted('Users', 'set active to false instead');
  }
}
