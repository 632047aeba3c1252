import { Body, Controller, Delete, Get, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, AnyRole, CurrentActor, Roles } from '../auth/auth.decorators.js';
import { neverDeleted } from '../common/never-deleted.js';
import { IdParam } from '../common/id-param.js';
import { List, type ListQuery } from '../common/list-query.js';
import { CreateCategoryDto, UpdateCategoryDto } from './dto/category.dto.js';
import { CATEGORY_LIST, CategoriesService } from './categories.service.js';
import { ApiCreated, ApiListOf, ApiNotAllowed, ApiView } from '../common/openapi.js';
import { CategoryView } from './dto/category.view.js';

@ApiTags('categories')
@ApiBearerAuth()
@Controller('categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @ApiOperation({ summary: 'List categories' })
  @ApiListOf(CategoryView)
  @AnyRole()
  @Get()
  list(@List(CATEGORY_LIST) query: ListQuery) {
    return this.categories.list(query);
  }

  @ApiOperation({ summary: 'Read a category' })
  @ApiView(CategoryView)
  @AnyRole()
  @Get(':id')
  get(@IdParam() id: string) {
    return this.categories.get(id);
  }

  @ApiOperation({ summary: 'Create a category' })
  @ApiCreated(CategoryView)
  @Roles('admin')
  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCategoryDto) {
    return this.categories.create(actor, dto);
  }

  @ApiOperation({ summary: 'Change a category (only the fields sent)' })
  @ApiView(CategoryView, 'The updated category')
  @Roles('admin')
  @Put(':id')
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateCategoryDto) {
    return this.categories.update(actor, id, dto);
  }

  @ApiOperation({ summary: 'Not allowed: categories are never deleted' })
  @ApiNotAllowed('Categories are never deleted; set active to false instead')
  @Roles('admin')
  @Delete(':id')
  remove(@IdParam() _id: string): never {
    neverDeleted('Categories', 'set active to false instead');
  }
}
