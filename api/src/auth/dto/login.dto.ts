import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'kbh@demo.test' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'demo-password-1' })
  @IsString({ message: 'password must be a text' })
  @MaxLength(200, { message: 'password must be at most 200 characters' })
  password: string;

  @ApiPropertyOptional({ description: 'Six-digit one-time code, for accounts with a second factor' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'totp must be six digits' })
  totp?: string;
}
