import { Controller, Get, NotFoundException } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { IdParam } from '../common/id-param.js';
import { List, type ListQuery } from '../common/list-query.js';
import { AUDIT_LIST, AuditService } from './audit.service.js';

@ApiTags('audit-events')
@ApiBearerAuth()
@Roles('contact_point', 'admin')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  list(@List(AUDIT_LIST) query: ListQuery) {
    return this.audit.list(query);
  }

  @Get(':id')
  async get(@IdParam() id: string) {
    return (await this.audit.get(id)) ?? notFound();
  }
}

function notFound(): never {
  throw new NotFoundException('Audit event not found');
}
