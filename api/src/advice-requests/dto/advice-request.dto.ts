import { ADVICE_TOPICS } from '@app/contract';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { IsText } from '../../common/validators.js';
import type { AdviceTopic } from '../advice-request.entity.js';

export class CreateAdviceRequestDto {
  @ApiProperty({ format: 'uuid', description: 'A case of your unit' })
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId: string;

  @ApiProperty({ enum: ADVICE_TOPICS, example: 'motivation' })
  @IsIn(ADVICE_TOPICS, { message: `topic must be one of ${ADVICE_TOPICS.join(', ')}` })
  topic: AdviceTopic;

  @ApiProperty({ description: 'What the unit asks. No names, identity numbers, addresses or offences.' })
  @IsText('question', 5000)
  question: string;
}

export class AdviceMessageDto {
  @ApiProperty({
    description: 'The answer, or the unit’s follow-up. No names, identity numbers, addresses or offences.',
  })
  @IsText('message', 5000)
  message: string;
}
