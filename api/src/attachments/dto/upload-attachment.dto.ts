import type { AttachmentKind } from '@app/guidelines';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { ATTACHMENT_KINDS } from '../attachment.entity.js';

/** The text fields of the multipart form; the file itself comes in the part `file`. */
export class UploadAttachmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'applicationId must be a UUID' })
  applicationId: string;

  @ApiProperty({ enum: ATTACHMENT_KINDS })
  @IsIn(ATTACHMENT_KINDS, { message: `kind must be one of ${ATTACHMENT_KINDS.join(', ')}` })
  kind: AttachmentKind;
}
