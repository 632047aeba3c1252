import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpException,
  HttpStatus,
  Post,
  Put,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/auth.decorators.js';
import { IdParam } from '../common/id-param.js';
import { List, type ListQuery } from '../common/list-query.js';
import { ATTACHMENT_KINDS } from './attachment.entity.js';
import { AttachmentUploadInterceptor, type UploadedFileData } from './attachment-upload.interceptor.js';
import { ATTACHMENT_LIST, AttachmentsService } from './attachments.service.js';
import { UploadAttachmentDto } from './dto/upload-attachment.dto.js';
import { contentDisposition } from '../common/content-disposition.js';
import { ApiCreated, ApiListOf, ApiNotAllowed, ApiView, ErrorBodyView } from '../common/openapi.js';
import { AttachmentView } from './dto/attachment.view.js';

/**
 * A download that fails after its first chunk (the store has logged why)
 * breaks the connection: with Content-Length sent, the client sees a file cut
 * short, never one that looks complete.
 */
const cutOff: Parameters<StreamableFile['setErrorHandler']>[0] = (_error, response) => {
  if (!response.destroyed) response.destroy?.();
};

/** Who reads an application's documents: its unit, the contact point, and finance, who pay against them. */
@ApiTags('attachments')
@ApiBearerAuth()
@Roles('unit_worker', 'contact_point', 'finance')
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @ApiOperation({ summary: 'List the documents of applications the reader may see' })
  @ApiListOf(AttachmentView)
  @Get()
  list(@CurrentActor() actor: Actor, @List(ATTACHMENT_LIST) query: ListQuery) {
    return this.attachments.list(actor, query);
  }

  @ApiOperation({ summary: "Read a document's record" })
  @ApiView(AttachmentView)
  @Get(':id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.attachments.get(actor, id);
  }

  @ApiOperation({ summary: 'Download a document (as an attachment)' })
  @ApiOkResponse({
    description: 'The file',
    content: {
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
      'image/png': { schema: { type: 'string', format: 'binary' } },
      'image/jpeg': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @Get(':id/content')
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @Header('Cache-Control', 'no-store')
  @Header('X-Content-Type-Options', 'nosniff')
  async content(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<StreamableFile> {
    const { attachment, stream } = await this.attachments.content(actor, id);
    return new StreamableFile(stream, {
      type: attachment.mediaType,
      disposition: contentDisposition(attachment.fileName),
      length: attachment.size,
    }).setErrorHandler(cutOff);
  }

  @ApiOperation({ summary: 'Upload a quote, invoice or other document (PDF, PNG or JPEG, at most 10 MB)' })
  @ApiCreated(AttachmentView)
  @ApiResponse({
    status: 413,
    description: 'Larger than 10 MB',
    content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBodyView) } } },
  })
  @ApiResponse({
    status: 415,
    description: 'Not a PDF, PNG or JPEG by its content',
    content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBodyView) } } },
  })
  @Roles('unit_worker')
  @Post()
  @UseInterceptors(AttachmentUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['applicationId', 'kind', 'file'],
      properties: {
        applicationId: { type: 'string', format: 'uuid' },
        kind: { type: 'string', enum: [...ATTACHMENT_KINDS] },
        file: { type: 'string', format: 'binary', description: 'PDF, PNG or JPEG, at most 10 MB' },
      },
    },
  })
  upload(
    @CurrentActor() actor: Actor,
    @Body() dto: UploadAttachmentDto,
    @UploadedFile() file: UploadedFileData | undefined,
  ) {
    return this.attachments.upload(actor, dto, file);
  }

  @ApiOperation({ summary: 'Not allowed: a document is never changed' })
  @ApiNotAllowed('Attachments are never changed; remove it and upload the file again')
  @Put(':id')
  replace(@IdParam() _id: string): never {
    throw new HttpException(
      'Attachments are never changed; remove it and upload the file again',
      HttpStatus.METHOD_NOT_ALLOWED,
    );
  }

  @ApiOperation({ summary: 'Delete a document while its application may still be changed' })
  @ApiView(AttachmentView, 'The deleted record')
  @Roles('unit_worker')
  @Delete(':id')
  remove(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.attachments.remove(actor, id);
  }
}
