import { UNIT_PARTIES, type UnitParty } from '@app/contract';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { IsText } from '../../common/validators.js';

export class CreateUnitDto {
  @ApiProperty({ example: 'KBH', description: 'Two to five capital letters' })
  @IsString({ message: 'code must be a text' })
  @Matches(/^[A-Z]{2,5}$/, { message: 'code must be two to five capital letters, e.g. KBH' })
  code: string;

  @ApiProperty({ example: 'Københavns Politi' })
  @IsText('name', 200)
  name: string;

  @ApiPropertyOptional({
    enum: UNIT_PARTIES,
    isArray: true,
    default: ['police', 'municipality', 'prison_probation'],
    description: 'The parties the unit is made of; each worker belongs to one of them',
  })
  @IsOptional()
  @IsArray({ message: 'parties must be a list' })
  @ArrayMinSize(1, { message: 'parties must name at least one party' })
  @ArrayUnique({ message: 'parties must name each party once' })
  @IsIn(UNIT_PARTIES, { each: true, message: `each of parties must be one of ${UNIT_PARTIES.join(', ')}` })
  parties?: UnitParty[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

export class UpdateUnitDto extends PartialType(CreateUnitDto) {}
