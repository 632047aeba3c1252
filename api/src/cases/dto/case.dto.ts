import { CASE_STATUSES, type CaseStatus } from '@app/guidelines';
import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, ValidateIf } from 'class-validator';
import { Nullable } from '../../common/nullable.js';
import { thisYear } from '../../common/dates.js';
import { FIRST_BIRTH_YEAR, IsIsoDate, IsYear } from '../../common/validators.js';

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

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsIsoDate('agreementSignedOn', { notFuture: true, nullable: true })
  agreementSignedOn?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsIsoDate('programmeStart', { notFuture: true, nullable: true })
  programmeStart?: string | null;
}

export class UpdateCaseDto extends PartialType(CreateCaseDto) {}
