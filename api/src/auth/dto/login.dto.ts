import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'kbh@demo.test' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'demo-password-1' })
  @IsString({ message: 'password must be a text' })
  @MaxLength(200, { message: 'password must be at most 200 characters' })
  password: string;

  @ApiPropertyOptional({
    description: 'For an account with a second factor: the six-digit code of the app, or a recovery code (xxxxx-xxxxx)',
  })
  @IsOptional()
  @IsString({ message: 'totp must be a text' })
  @MaxLength(32, { message: 'totp must be at most 32 characters' })
  totp?: string;
}
