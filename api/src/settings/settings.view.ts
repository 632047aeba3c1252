import { ApiProperty } from '@nestjs/swagger';

/** What the admin UI needs before sign-in. */
export class SettingsView {
  @ApiProperty({ example: 'DKK', description: "ISO 4217 code of the installation's currency" }) currency!: string;
  @ApiProperty({ description: 'The demo data and accounts are on' }) demo!: boolean;
}
