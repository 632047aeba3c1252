import { ApiProperty } from '@nestjs/swagger';
import { ApiDate, ApiTimestamp, ApiUuid } from '../../common/openapi.js';
import { CategoryRulesDto } from './guideline.dto.js';

export class GuidelineView {
  @ApiUuid() id!: string;
  @ApiProperty({ example: '2026.1' }) version!: string;
  @ApiDate() effectiveFrom!: string;
  @ApiProperty({ enum: ['draft', 'published', 'retired'] }) status!: string;
  @ApiProperty({ type: 'integer' }) minAge!: number;
  @ApiProperty({ type: 'integer' }) maxCourseMonths!: number;
  @ApiProperty({ type: [CategoryRulesDto] }) categories!: CategoryRulesDto[];
  @ApiTimestamp({ nullable: true }) publishedAt!: string | null;
  @ApiUuid({ nullable: true }) publishedBy!: string | null;
  @ApiTimestamp({ nullable: true }) retiredAt!: string | null;
  @ApiUuid({ nullable: true }) createdBy!: string | null;
  @ApiTimestamp() createdAt!: string;
  @ApiTimestamp() updatedAt!: string;
}
