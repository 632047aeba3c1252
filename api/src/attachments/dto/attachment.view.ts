import { ApiProperty } from '@nestjs/swagger';
import { ApiTimestamp, ApiUuid } from '../../common/openapi.js';
import { ATTACHMENT_KINDS } from '../attachment.entity.js';

export class AttachmentView {
  @ApiUuid() id!: string;
  @ApiUuid() applicationId!: string;
  @ApiProperty({ enum: ATTACHMENT_KINDS }) kind!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ enum: ['application/pdf', 'image/png', 'image/jpeg'] }) mediaType!: string;
  @ApiProperty({ type: 'integer', description: 'Bytes' }) size!: number;
  @ApiProperty({ description: 'SHA-256 of the content, hex' }) sha256!: string;
  @ApiUuid() uploadedBy!: string;
  @ApiTimestamp() createdAt!: string;
}
