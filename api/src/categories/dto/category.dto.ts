import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { NoNationalId } from '../../common/validators.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateCategoryDto {
  @ApiProperty({ example: 'tattoo_removal', description: 'Lower-case letters, digits and underscores' })
  @IsString({ message: 'code must be a text' })
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, {
    message: 'code must be 2–40 lower-case letters, digits or _, e.g. tattoo_removal',
  })
  @NoNationalId('code')
  code: string;

  @ApiProperty({ example: 'Fjernelse af tatovering', description: 'The Danish name' })
  @Transform(trim)
  @IsString({ message: 'name must be a text' })
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  @NoNationalId('name')
  name: string;

  @ApiPropertyOptional({
    type: String,
    example: 'Tattoo removal',
    description: 'The English name; without one, English screens and files show the Danish name',
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'nameEn must be a text' })
  @IsNotEmpty({ message: 'nameEn must not be empty' })
  @MaxLength(200, { message: 'nameEn must be at most 200 characters' })
  @NoNationalId('nameEn')
  nameEn?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

export class UpdateCategoryDto extends PartialType(CreateCategoryDto) {}
