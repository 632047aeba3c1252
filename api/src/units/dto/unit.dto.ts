import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { NoNationalId } from '../../common/validators.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateUnitDto {
  @ApiProperty({ example: 'KBH', description: 'Two to five capital letters' })
  @IsString({ message: 'code must be a text' })
  @Matches(/^[A-Z]{2,5}$/, { message: 'code must be two to five capital letters, e.g. KBH' })
  code: string;

  @ApiProperty({ example: 'Københavns Politi' })
  @Transform(trim)
  @IsString({ message: 'name must be a text' })
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  @NoNationalId('name')
  name: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

export class UpdateUnitDto extends PartialType(CreateUnitDto) {}
