import { ApiProperty } from '@nestjs/swagger';
import { ApiMoney, ApiTimestamp, ApiUuid } from '../../common/openapi.js';

export class AllocationView {
  @ApiUuid() unitId!: string;
  @ApiMoney() amount!: number;
}

export class UnitFiguresView {
  @ApiUuid() unitId!: string;
  @ApiMoney({ nullable: true, description: "The unit's allocation, when the year has one" }) allocation!: number | null;
  @ApiMoney() committed!: number;
  @ApiMoney() disbursed!: number;
}

export class BudgetYearView {
  @ApiUuid() id!: string;
  @ApiProperty({ type: 'integer', example: 2026 }) year!: number;
  @ApiMoney() poolAmount!: number;
  @ApiMoney({ description: 'Granted and not yet paid' }) committed!: number;
  @ApiMoney({ description: 'Paid, net of refunds' }) disbursed!: number;
  @ApiMoney({ description: 'poolAmount - committed - disbursed' }) available!: number;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: string;
  @ApiTimestamp({ nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: [AllocationView] }) allocations!: AllocationView[];
  @ApiProperty({ type: [UnitFiguresView], description: 'Per unit; a unit worker gets their own unit only' })
  byUnit!: UnitFiguresView[];
}
