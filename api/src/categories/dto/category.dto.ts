import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches } from 'class-validator';
import { IsText, NoNationalId } from '../../common/validators.js';

export class CreateCategoryDto {
  @ApiProperty({ example: 'tattoo_removal', description: 'Lower-case letters, digits and underscores' })
  @IsString({ message: 'code must be a text' })
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, {
    message: 'code must be 2–40 lower-case letters, digits or _, e.g. tattoo_removal',
  })
  @NoNationalId('code')
  code: string;

  @ApiProperty({ example: 'Fjernelse af tatovering', description: 'The Danish name' })
  @IsText('name', 200)
  name: string;

  @ApiPropertyOptional({
    type: String,
    example: 'Tattoo removal',
    description: 'The English name; without one, English screens and files show the Danish name',
  })
  @IsOptional()
  @IsText('nameEn', 200)
  nameEn?: string;

  @ApiPropertyOptional({
    type: String,
    example: 'Tatuoinnin poisto',
    description: 'The Finnish name; without one, Finnish screens and files show the English name, else the Danish',
  })
  @IsOptional()
  @IsText('nameFi', 200)
  nameFi?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

export class UpdateCategoryDto extends PartialType(CreateCategoryDto) {}
