import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { notFound } from '../common/errors.js';
import { IdParam } from '../common/id-param.js';
import { List, type ListQuery } from '../common/list-query.js';
import { AUDIT_LIST, AuditService } from './audit.service.js';
import { VerifyQueryDto } from './dto/verify-query.dto.js';
import { ApiListOf, ApiView } from '../common/openapi.js';
import { AuditActorView, AuditEventView, AuditVerificationView } from './dto/audit-event.view.js';

@ApiTags('audit-events')
@ApiBearerAuth()
@Roles('contact_point', 'admin')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @ApiOperation({ summary: 'List the audit trail' })
  @ApiListOf(AuditEventView)
  @Get()
  list(@List(AUDIT_LIST) query: ListQuery) {
    return this.audit.list(query);
  }

  // before ':id', which would take "actors" or "verify" for an id
  @Get('actors')
  @ApiOkResponse({ type: [AuditActorView], description: 'The users, by name' })
  @ApiOperation({
    summary: "Every user by name, for the audit log's user filter",
    description: '`[{ id, displayName, role, active }]`, by name; no e-mail address.',
  })
  actors() {
    return this.audit.actors();
  }

  @ApiView(AuditVerificationView, 'Whole, or the first broken link (an answer, not an error)')
  @Get('verify')
  @ApiOperation({
    summary: 'Recomputes the hash chain of the whole audit trail',
    description:
      'Whole: `{ ok: true, events, head }`, `head` the newest hash (null when there is no event), to write down ' +
      'as a checkpoint `<events>:<head>`. Broken: `{ ok: false, events, brokenAt: { seq, id, problem, ' +
      'missingFrom? } }` with `problem` one of changed, missing, unlinked, out_of_order, checkpoint: the first ' +
      'broken link, an answer (200), not an error.',
  })
  verify(@Query() query: VerifyQueryDto) {
    const checkpoint = query.checkpoint?.split(':');
    return this.audit.verify(checkpoint ? [{ seq: Number(checkpoint[0]), hash: checkpoint[1] }] : []);
  }

  @ApiOperation({ summary: 'Read an audit event' })
  @ApiView(AuditEventView, 'The event')
  @Get(':id')
  async get(@IdParam() id: string) {
    const event = await this.audit.get(id);
    if (!event) throw notFound('Audit event');
    return event;
  }
}
