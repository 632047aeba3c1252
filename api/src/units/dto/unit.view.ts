import { UNIT_PARTIES } from '@app/contract';
import { ApiProperty } from '@nestjs/swagger';
import { ApiTimestamp, ApiUuid } from '../../common/openapi.js';

export class UnitView {
  @ApiUuid() id!: string;
  @ApiProperty({ example: 'KBH' }) code!: string;
  @ApiProperty({ example: 'Københavns Politi' }) name!: string;
  @ApiProperty({ enum: UNIT_PARTIES, isArray: true }) parties!: string[];
  @ApiProperty() active!: boolean;
  @ApiTimestamp() createdAt!: string;
  @ApiTimestamp() updatedAt!: string;
}
