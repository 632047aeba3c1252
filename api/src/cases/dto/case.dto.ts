import { UNIT_PARTIES, type UnitParty } from '@app/contract';
import { CASE_STATUSES, type CaseStatus } from '@app/guidelines';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Nullable } from '../../common/nullable.js';
import { thisYear } from '../../common/dates.js';
import { FIRST_BIRTH_YEAR, IsIsoDate, IsText, IsYear } from '../../common/validators.js';

/** A list of the parties a unit is made of, each once. */
function PartyList(field: string): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    IsArray({ message: `${field} must be a list` })(target, property);
    ArrayMinSize(1, { message: `${field} must name at least one party` })(target, property);
    ArrayUnique({ message: `${field} must name each party once` })(target, property);
    IsIn(UNIT_PARTIES, { each: true, message: `each of ${field} must be one of ${UNIT_PARTIES.join(', ')}` })(
      target,
      property,
    );
  };
}

/** The candidate's consent declaration: which parties may exchange information, and since when. */
export class ConsentDto {
  @ApiProperty({ enum: UNIT_PARTIES, isArray: true, description: 'The parties of the unit the consent covers' })
  @PartyList('consent.parties')
  parties: UnitParty[];

  @ApiProperty({ format: 'date' })
  @IsIsoDate('consent.givenOn', { notFuture: true })
  givenOn: string;
}

/** Only facts the guidelines need. There is no field for a name, an identity number, an address or an offence. */
export class CreateCaseDto {
  @ApiPropertyOptional({ enum: CASE_STATUSES, default: 'assessment' })
  @IsOptional()
  @IsIn(CASE_STATUSES, { message: `status must be one of ${CASE_STATUSES.join(', ')}` })
  status?: CaseStatus;

  @ApiPropertyOptional({
    nullable: true,
    example: 1998,
    type: 'integer',
    description: 'Year of birth only: enough to check the age rule',
  })
  @Nullable()
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsYear('birthYear', FIRST_BIRTH_YEAR, thisYear, { futureMessage: 'birthYear must not be in the future' })
  birthYear?: number | null;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsIsoDate('consentRecordedOn', { notFuture: true, nullable: true })
  consentRecordedOn?: string | null;

  @ApiPropertyOptional({
    type: ConsentDto,
    description:
      'The parties the consent covers and the date given. Without it, a consentRecordedOn covers every party of the unit. ' +
      'On a change it may only add parties (withdraw-consent takes them away).',
  })
  @IsOptional()
  @IsObject({ message: 'consent must be an object with parties and givenOn' })
  @ValidateNested()
  @Type(() => ConsentDto)
  consent?: ConsentDto;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsIsoDate('agreementSignedOn', { notFuture: true, nullable: true })
  agreementSignedOn?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsIsoDate('programmeStart', { notFuture: true, nullable: true })
  programmeStart?: string | null;
}

export class UpdateCaseDto extends PartialType(CreateCaseDto) {}

export class WithdrawConsentDto {
  @ApiPropertyOptional({
    enum: UNIT_PARTIES,
    isArray: true,
    description: 'The parties the candidate withdraws consent from; all of them when left out',
  })
  @IsOptional()
  @PartyList('parties')
  parties?: UnitParty[];

  @ApiProperty({ description: 'Why, in a line. No names, identity numbers, addresses or offences.' })
  @IsText('reason', 2000)
  reason: string;
}
