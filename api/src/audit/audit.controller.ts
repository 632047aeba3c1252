import { Controller, Get, NotFoundException, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { IdParam } from '../common/id-param.js';
import { List, type ListQuery } from '../common/list-query.js';
import { AUDIT_LIST, AuditService } from './audit.service.js';
import { VerifyQueryDto } from './dto/verify-query.dto.js';

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

  // before ':id', which would take "verify" for an id
  @Get('verify')
  @ApiOperation({
    summary: 'Recomputes the hash chain of the whole audit trail',
    description:
      'Whole: `{ ok: true, events, head }`, `head` the newest hash (null when there is no event), to write down ' +
      'as a checkpoint `<events>:<head>`. Broken: `{ ok: false, events, brokenAt: { seq, id, problem, ' +
      'missingFrom? } }` with `problem` one of changed, missing, unlinked, out_of_order, checkpoint: the first ' +
      'broken link, an answer (200), not an error.',
  })
  @ApiOkResponse({ description: '{ ok, events, head } or { ok: false, events, brokenAt }' })
  verify(@Query() query: VerifyQueryDto) {
    const checkpoint = query.checkpoint?.split(':');
    return this.audit.verify(checkpoint ? [{ seq: Number(checkpoint[0]), hash: checkpoint[1] }] : []);
  }

  @Get(':id')
  async get(@IdParam() id: string) {
    return (await this.audit.get(id)) ?? notFound();
  }
}

function notFound(): never {
  throw new NotFoundException('Audit event not found');
}
