import { ROLES } from '@app/contract';
import { ApiProperty } from '@nestjs/swagger';
import { ApiTimestamp, ApiUuid } from '../../common/openapi.js';

export class UserView {
  @ApiUuid() id!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiUuid({ nullable: true, description: 'The unit of a unit worker; null for the national roles' })
  unitId!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: 'The second factor is on' }) totpEnabled!: boolean;
  @ApiTimestamp() createdAt!: string;
  @ApiTimestamp() updatedAt!: string;
}
