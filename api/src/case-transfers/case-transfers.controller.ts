import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/auth.decorators.js';
import { IdParam } from '../common/id-param.js';
import { List, type ListQuery } from '../common/list-query.js';
import { ApiCreated, ApiListOf, ApiView, ErrorBodyView } from '../common/openapi.js';
import { CASE_UNIT_LIST, CaseTransfersService, TRANSFER_LIST } from './case-transfers.service.js';
import { DeclineTransferDto, ProposeTransferDto } from './dto/case-transfer.dto.js';
import { CaseTransferView, CaseUnitView } from './dto/case-transfer.view.js';

@ApiTags('case-transfers')
@ApiBearerAuth()
@Roles('unit_worker', 'contact_point')
@Controller('case-transfers')
export class CaseTransfersController {
  constructor(private readonly transfers: CaseTransfersService) {}

  @ApiOperation({ summary: "List case transfers (the unit worker's unit sending or receiving; narrative, audited)" })
  @ApiListOf(CaseTransferView)
  @Get()
  list(@CurrentActor() actor: Actor, @List(TRANSFER_LIST) query: ListQuery) {
    return this.transfers.list(actor, query);
  }

  @ApiOperation({ summary: 'Read a case transfer (narrative; audited)' })
  @ApiView(CaseTransferView)
  @Get(':id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.transfers.get(actor, id);
  }

  @ApiConflictResponse({ type: ErrorBodyView, description: 'Not proposed any more (`CASE_TRANSFER_WRONG_STATUS`)' })
  @ApiOperation({ summary: 'Accept a proposed transfer: the case and its undecided applications move to your unit' })
  @ApiView(CaseTransferView, 'The updated transfer')
  @Roles('unit_worker')
  @Post(':id/accept')
  @HttpCode(200)
  accept(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.transfers.accept(actor, id);
  }

  @ApiConflictResponse({ type: ErrorBodyView, description: 'Not proposed any more (`CASE_TRANSFER_WRONG_STATUS`)' })
  @ApiOperation({ summary: 'Decline a proposed transfer, optionally with a reason; the case stays' })
  @ApiView(CaseTransferView, 'The updated transfer')
  @Roles('unit_worker')
  @Post(':id/decline')
  @HttpCode(200)
  decline(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: DeclineTransferDto) {
    return this.transfers.decline(actor, id, dto);
  }
}

/** The case's own routes of a transfer, beside the cases controller's (which stays the cases feature's). */
@ApiTags('cases')
@ApiBearerAuth()
@Roles('unit_worker', 'contact_point')
@Controller('cases')
export class CaseTransferActionsController {
  constructor(private readonly transfers: CaseTransfersService) {}

  @ApiConflictResponse({
    type: ErrorBodyView,
    description: 'An open proposal exists (`CASE_TRANSFER_ALREADY_PROPOSED`) or the case has ended',
  })
  @ApiOperation({
    summary:
      "Transfer a case to another unit: a unit worker's proposal the receiving unit accepts; a contact point's is accepted at once",
  })
  @ApiCreated(CaseTransferView)
  @Post(':id/transfer')
  transfer(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ProposeTransferDto) {
    return this.transfers.propose(actor, id, dto);
  }
}

@ApiTags('case-units')
@ApiBearerAuth()
@Roles('unit_worker', 'contact_point')
@Controller('case-units')
export class CaseUnitsController {
  constructor(private readonly transfers: CaseTransfersService) {}

  @ApiOperation({ summary: "A case's history of units, with dates (filter by caseId)" })
  @ApiListOf(CaseUnitView)
  @Get()
  list(@CurrentActor() actor: Actor, @List(CASE_UNIT_LIST) query: ListQuery) {
    return this.transfers.history(actor, query);
  }
}
