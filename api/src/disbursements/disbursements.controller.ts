import { rolesFor } from '@app/workflow';
import { Body, Controller, Delete, Get, Headers, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type Actor, CurrentActor, Roles } from '../auth/auth.decorators.js';
import { fieldError } from '../common/errors.js';
import { IdParam } from '../common/id-param.js';
import { List, type ListQuery } from '../common/list-query.js';
import { neverDeleted } from '../common/never-deleted.js';
import { DISBURSEMENT_LIST, DisbursementsService } from './disbursements.service.js';
import { CreateDisbursementDto } from './dto/disbursement.dto.js';
import { ApiCreated, ApiListOf, ApiNotAllowed, ApiView } from '../common/openapi.js';
import { DisbursementView } from './dto/disbursement.view.js';

const KEY = /^[A-Za-z0-9._:-]{8,100}$/;

@ApiTags('disbursements')
@ApiBearerAuth()
@Roles('finance', 'contact_point', 'unit_worker')
@Controller('disbursements')
export class DisbursementsController {
  constructor(private readonly disbursements: DisbursementsService) {}

  @ApiOperation({ summary: 'List payments' })
  @ApiListOf(DisbursementView)
  @Get()
  list(@CurrentActor() actor: Actor, @List(DISBURSEMENT_LIST) query: ListQuery) {
    return this.disbursements.list(actor, query);
  }

  @ApiOperation({ summary: 'Read a payment' })
  @ApiView(DisbursementView)
  @Get(':id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.disbursements.get(actor, id);
  }

  @ApiOperation({ summary: 'Record a payment or a refund (negative) of a grant; Idempotency-Key makes a retry safe' })
  @ApiCreated(DisbursementView)
  @ApiView(DisbursementView, 'The same record again: a replay of an Idempotency-Key with the same body')
  // the state machine's role for a payment and a refund (libs/workflow WORKFLOW)
  @Roles(...rolesFor('pay', 'refund'))
  @Post()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'The same key and body twice records one payment and answers the same record (with `Idempotent-Replayed: true`); the same key with another body is 409',
  })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateDisbursementDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (key !== undefined && !KEY.test(key)) {
      throw fieldError('Idempotency-Key', 'must be 8–100 letters, digits, dots, colons or dashes (a UUID is best)');
    }
    const { record, replayed } = await this.disbursements.create(actor, dto, key);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return record;
  }

  @ApiOperation({ summary: 'Not allowed: payments are never changed' })
  @ApiNotAllowed('Payments are never changed; correct a mistake with a refund')
  @Put(':id')
  update(@IdParam() _id: string): never {
    neverDeleted('Payments', 'they are never changed either: correct a mistake with a refund');
  }

  @ApiOperation({ summary: 'Not allowed: payments are never deleted' })
  @ApiNotAllowed('Payments are never deleted; correct a mistake with a refund')
  @Delete(':id')
  remove(@IdParam() _id: string): never {
    neverDeleted('Payments', 'correct a mistake with a refund');
  }
}
