import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsMoney, NoNationalId, trim } from '../../common/validators.js';

function NarrativeText(field: string, max = 5000): PropertyDecorator {
  return (target, key) => {
    Transform(trim)(target, key);
    IsString({ message: `${field} must be a text` })(target, key);
    IsNotEmpty({ message: `${field} must not be empty` })(target, key);
    MaxLength(max, { message: `${field} must be at most ${max} characters` })(target, key);
    NoNationalId(field)(target, key);
  };
}

export class ReasonDto {
  @ApiProperty() @NarrativeText('reason') reason: string;
}

export class MessageDto {
  @ApiProperty() @NarrativeText('message') message: string;
}

export class OverrideDto {
  @ApiProperty({ example: 'required-documents' })
  @IsString({ message: 'rule must be a text' })
  @Matches(/^[a-z][a-z0-9-]{1,59}$/, { message: 'rule must be the id of a rule, e.g. required-documents' })
  rule: string;

  @ApiProperty({ description: 'Why the warning does not stop this grant' })
  @NarrativeText('justification', 2000)
  justification: string;
}

export class ApproveDto {
  @ApiProperty({ type: 'integer', format: 'int64', description: 'minor units; at most the amount requested' })
  @IsMoney('amountApproved')
  amountApproved: number;

  @ApiProperty() @NarrativeText('reason') reason: string;

  @ApiPropertyOptional({ description: 'Conditions attached to the grant' })
  @IsOptional()
  @NarrativeText('conditions')
  conditions?: string;

  @ApiPropertyOptional({
    description:
      'How the grant is to be paid, for finance (e.g. "paid directly to the clinic against invoice"); no case narrative',
    maxLength: 500,
  })
  @IsOptional()
  @NarrativeText('paymentInstructions', 500)
  paymentInstructions?: string;

  @ApiPropertyOptional({ type: [OverrideDto], description: 'One for each warning the approver overrides' })
  @IsOptional()
  @IsArray({ message: 'overrides must be a list' })
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => OverrideDto)
  overrides?: OverrideDto[];
}
