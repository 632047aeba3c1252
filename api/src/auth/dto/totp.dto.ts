import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class ConfirmTotpDto {
  @ApiProperty({ example: '123456', description: 'The six-digit code the authenticator app shows now' })
  @IsString({ message: 'code must be a text' })
  @MaxLength(32, { message: 'code must be at most 32 characters' })
  code: string;
}

export class DisableTotpDto {
  @ApiProperty({ writeOnly: true })
  @IsString({ message: 'password must be a text' })
  @MaxLength(200, { message: 'password must be at most 200 characters' })
  password: string;

  @ApiProperty({
    example: '123456',
    description: 'The six-digit code the authenticator app shows now (not a recovery code)',
  })
  @IsString({ message: 'code must be a text' })
  @MaxLength(32, { message: 'code must be at most 32 characters' })
  code: string;
}
