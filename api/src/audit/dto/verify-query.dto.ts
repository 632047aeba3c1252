import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { CHECKPOINT_PATTERN } from '../audit-verify.js';

export class VerifyQueryDto {
  @ApiPropertyOptional({
    example: '1234:9858e50cf14de80916036d4e8aec35f0b2e6e5bb8c245f65644b0c0e63841353',
    description:
      'a checkpoint written down earlier, `<events>:<head>`: the event of that sequence number must still carry that hash',
  })
  @IsOptional()
  @IsString({ message: 'checkpoint must be given once' })
  @Matches(CHECKPOINT_PATTERN, { message: 'checkpoint must be <sequence number>:<64 hex digits>' })
  checkpoint?: string;
}
