import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsIsoDate, IsText } from '../../common/validators.js';

export class CreateAdmissionReviewDto {
  @ApiProperty({ format: 'uuid', description: 'A refused case of the unit' })
  @IsUUID('all', { message: 'caseId must be the id of a case' })
  caseId: string;

  @ApiProperty({ format: 'date', description: 'The day the candidate asked for the review' })
  @IsIsoDate('requestedOn', { notFuture: true })
  requestedOn: string;
}

export class ReviewReasonDto {
  @ApiProperty({ maxLength: 5000 }) @IsText('reason', 5000) reason: string;
}

export class ReviewMessageDto {
  @ApiProperty({ maxLength: 5000 }) @IsText('message', 5000) message: string;
}
