import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/auth.decorators.js';
import { IdParam } from '../common/id-param.js';
import { List, type ListQuery } from '../common/list-query.js';
import { neverDeleted } from '../common/never-deleted.js';
import { ApiCreated, ApiListOf, ApiNotAllowed, ApiView } from '../common/openapi.js';
import { ADMISSION_REVIEW_LIST, AdmissionReviewsService } from './admission-reviews.service.js';
import { CreateAdmissionReviewDto, ReviewMessageDto, ReviewReasonDto } from './dto/admission-review.dto.js';
import { AdmissionReviewView } from './dto/admission-review.view.js';

/** Finance and admin have no need to know: the whole resource is the unit's and the contact point's. */
@ApiTags('admission-reviews')
@ApiBearerAuth()
@Roles('unit_worker', 'contact_point')
@Controller('admission-reviews')
export class AdmissionReviewsController {
  constructor(private readonly reviews: AdmissionReviewsService) {}

  @ApiOperation({ summary: "List admission reviews (the unit worker sees their unit's; no narrative)" })
  @ApiListOf(AdmissionReviewView)
  @Get()
  list(@CurrentActor() actor: Actor, @List(ADMISSION_REVIEW_LIST) query: ListQuery) {
    return this.reviews.list(actor, query);
  }

  @ApiOperation({ summary: 'Read a review with the assessment, reasons and thread (narrative; audited)' })
  @ApiView(AdmissionReviewView)
  @Get(':id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.reviews.get(actor, id);
  }

  @ApiOperation({ summary: "Record a refused candidate's request for a review, with the day they asked" })
  @ApiCreated(AdmissionReviewView)
  @Roles('unit_worker')
  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAdmissionReviewDto) {
    return this.reviews.create(actor, dto);
  }

  @ApiOperation({ summary: 'Not allowed: admission reviews are never deleted' })
  @ApiNotAllowed('Admission reviews are never deleted')
  @Delete(':id')
  remove(@IdParam() _id: string): never {
    neverDeleted('Admission reviews', 'they end upheld or admitted');
  }

  @ApiOperation({ summary: 'Take a requested review into review' })
  @ApiView(AdmissionReviewView, 'The updated review')
  @Roles('contact_point')
  @Post(':id/start-review')
  @HttpCode(200)
  startReview(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.reviews.startReview(actor, id);
  }

  @ApiOperation({ summary: 'Ask the unit for information' })
  @ApiView(AdmissionReviewView, 'The updated review')
  @Roles('contact_point')
  @Post(':id/request-info')
  @HttpCode(200)
  requestInfo(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ReviewMessageDto) {
    return this.reviews.requestInfo(actor, id, dto.message);
  }

  @ApiOperation({ summary: "Answer the contact point's request for information" })
  @ApiView(AdmissionReviewView, 'The updated review')
  @Roles('unit_worker')
  @Post(':id/answer')
  @HttpCode(200)
  answer(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ReviewMessageDto) {
    return this.reviews.answer(actor, id, dto.message);
  }

  @ApiOperation({ summary: "Uphold the unit's refusal, with a reason (not by one of the assessors)" })
  @ApiView(AdmissionReviewView, 'The updated review')
  @Roles('contact_point')
  @Post(':id/uphold')
  @HttpCode(200)
  uphold(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ReviewReasonDto) {
    return this.reviews.uphold(actor, id, dto.reason);
  }

  @ApiOperation({
    summary: 'Admit the candidate, with a reason: the case becomes active (not by one of the assessors)',
  })
  @ApiView(AdmissionReviewView, 'The updated review')
  @Roles('contact_point')
  @Post(':id/admit')
  @HttpCode(200)
  admit(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ReviewReasonDto) {
    return this.reviews.admit(actor, id, dto.reason);
  }
}
