import { CASE_STATUSES, type CaseStatus } from '@app/guidelines';
import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import { IsIsoDate } from '../../common/validators.js';

/** Only facts the guidelines need. There is no field for a name, an identity number, an address or an offence. */
export class CreateCaseDto {
  @ApiPropertyOptional({ enum: CASE_STATUSES, default: 'assessment' })
  @IsOptional()
  @IsIn(CASE_STATUSES, { message: `status must be one of ${CASE_STATUSES.join(', ')}` })
  status?: CaseStatus;

  @ApiPropertyOptional({
    nullable: true,
    example: 1998,
    description: 'Year of birth only: enough to check the age rule',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsInt({ message: 'birthYear must be a whole year' })
  @Min(1900, { message: 'birthYear must be 1900 or later' })
  @Max(new Date().getUTCFullYear(), { message: 'birthYear must not be in the future' })
  birthYear?: number | null;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsIsoDate('consentRecordedOn', { notFuture: true, nullable: true })
  consentRecordedOn?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsIsoDate('agreementSignedOn', { notFuture: true, nullable: true })
  agreementSignedOn?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsIsoDate('programmeStart', { nullable: true })
  programmeStart?: string | null;
}

export class UpdateCaseDto extends PartialType(CreateCaseDto) {}
