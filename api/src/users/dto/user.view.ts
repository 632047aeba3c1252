import { ApiProperty } from '@nestjs/swagger';
import { SessionUserView } from '../../auth/dto/auth.view.js';
import { ApiTimestamp } from '../../common/openapi.js';

/** A user as the admin sees one: the signed-in user's own view, and the account's state. */
export class UserView extends SessionUserView {
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: 'The second factor is on' }) totpEnabled!: boolean;
  @ApiTimestamp() createdAt!: string;
  @ApiTimestamp() updatedAt!: string;
}
