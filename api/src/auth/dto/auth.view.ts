import { PARTIES, ROLES } from '@app/contract';
import { ApiProperty } from '@nestjs/swagger';
import { ApiUuid } from '../../common/openapi.js';

export class SessionUserView {
  @ApiUuid() id!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiUuid({ nullable: true, description: 'The unit of a unit worker; null for the national roles' })
  unitId!: string | null;
  @ApiProperty({ enum: PARTIES, description: 'The party the user works for; `national` for the national roles' })
  party!: string;
}

export class LoginView {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`; revoked by logout' })
  accessToken!: string;
  @ApiProperty({ type: SessionUserView }) user!: SessionUserView;
}

export class TotpStatusView {
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ description: "The user's role must have a second factor" }) required!: boolean;
  @ApiProperty({ type: 'integer' }) recoveryCodesLeft!: number;
}

export class TotpSetupView {
  @ApiProperty({ description: 'Base32, for typing in' }) secret!: string;
  @ApiProperty({ example: 'otpauth://totp/Exit%20Pool:ncp%40demo.test?secret=…' }) otpauthUri!: string;
  @ApiProperty({ description: 'A PNG of the QR code as a `data:` URL' }) qrCode!: string;
}

export class TotpConfirmationView {
  @ApiProperty({ type: [String], description: 'Ten one-time recovery codes, shown this once' })
  recoveryCodes!: string[];
}
