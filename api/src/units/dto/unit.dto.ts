import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches } from 'class-validator';
import { IsText } from '../../common/validators.js';

export class CreateUnitDto {
  @ApiProperty({ example: 'KBH', description: 'Two to five capital letters' })
  @IsString({ message: 'code must be a text' })
  @Matches(/^[A-Z]{2,5}$/, { message: 'code must be two to five capital letters, e.g. KBH' })
  code: string;

  @ApiProperty({ example: 'Københavns Politi' })
  @IsText('name', 200)
  name: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

export class UpdateUnitDto extends PartialType(CreateUnitDto) {}
