import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, NotEquals } from 'class-validator';
import { IsIsoDate, MAX_AMOUNT, NoNationalId, trim } from '../../common/validators.js';
import { PAYEE_TYPES, type PayeeType } from '../disbursement.entity.js';

export class CreateDisbursementDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'applicationId must be a UUID' })
  applicationId: string;

  @ApiProperty({ example: 1500000, description: 'minor units; negative for a refund' })
  @IsInt({ message: 'amount must be a whole number of minor units (øre)' })
  @NotEquals(0, { message: 'amount must not be zero' })
  @Min(-MAX_AMOUNT, { message: `amount must be at least -${MAX_AMOUNT}` })
  @Max(MAX_AMOUNT, { message: `amount must be at most ${MAX_AMOUNT}` })
  amount: number;

  @ApiPropertyOptional({ format: 'date', description: 'default today' })
  @IsOptional()
  @IsIsoDate('paidOn', { notFuture: true })
  paidOn?: string;

  @ApiPropertyOptional({ enum: PAYEE_TYPES, default: 'other' })
  @IsOptional()
  @IsIn(PAYEE_TYPES, { message: `payeeType must be one of ${PAYEE_TYPES.join(', ')}` })
  payeeType?: PayeeType;

  @ApiPropertyOptional({ example: 'INV-2026-0042', description: 'the invoice number or similar' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'payeeReference must be a text' })
  @MaxLength(100, { message: 'payeeReference must be at most 100 characters' })
  @NoNationalId('payeeReference')
  payeeReference?: string;

  @ApiPropertyOptional({ example: '4410', description: 'account in the finance system' })
  @IsOptional()
  @IsString({ message: 'accountCode must be a text' })
  @Matches(/^[A-Za-z0-9._-]{1,40}$/, { message: 'accountCode must be 1–40 letters, digits, dots or dashes' })
  @NoNationalId('accountCode')
  accountCode?: string;
}
