import { PARTIES, type Party, ROLES, type Role } from '@app/contract';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { MIN_PASSWORD_LENGTH } from '../../auth/password.js';
import { Nullable } from '../../common/nullable.js';
import { IsText, NoNationalId } from '../../common/validators.js';

const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class CreateUserDto {
  @ApiProperty({ example: 'worker@unit.example' })
  @Transform(lower)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  @NoNationalId('email')
  email: string;

  @ApiProperty({ example: 'Unit worker' })
  @IsText('displayName', 200)
  displayName: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'Required for unit_worker, empty for every other role',
  })
  @Nullable()
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('all', { message: 'unitId must be a UUID' })
  unitId?: string | null;

  @ApiPropertyOptional({
    enum: PARTIES,
    description:
      'The party a unit worker works for, one of the unit’s parties (default police); national for every other role (the default)',
  })
  @IsOptional()
  @IsIn(PARTIES, { message: `party must be one of ${PARTIES.join(', ')}` })
  party?: Party;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, writeOnly: true })
  @IsString({ message: 'password must be a text' })
  @MinLength(MIN_PASSWORD_LENGTH, { message: `password must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(200, { message: 'password must be at most 200 characters' })
  password: string;
}

export class UpdateUserDto extends PartialType(OmitType(CreateUserDto, ['password'] as const)) {
  @ApiPropertyOptional({
    minLength: MIN_PASSWORD_LENGTH,
    writeOnly: true,
    description: 'A new password; ends the user’s sessions',
  })
  @IsOptional()
  @IsString({ message: 'password must be a text' })
  @MinLength(MIN_PASSWORD_LENGTH, { message: `password must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(200, { message: 'password must be at most 200 characters' })
  password?: string;
}
