import { ApiProperty } from '@nestjs/swagger';
import { ApiMoney, ApiUuid } from '../../common/openapi.js';

export class PoolUnitView {
  @ApiUuid() unitId!: string;
  @ApiProperty({ example: 'KBH' }) unitCode!: string;
  @ApiProperty() unitName!: string;
  @ApiMoney({ nullable: true }) allocation!: number | null;
  @ApiMoney() committed!: number;
  @ApiMoney() disbursed!: number;
}

export class PoolCategoryView {
  @ApiProperty({ example: 'relocation' }) categoryCode!: string;
  @ApiMoney() committed!: number;
  @ApiMoney() disbursed!: number;
}

export class PoolReportView {
  @ApiProperty({ type: 'integer', example: 2026 }) year!: number;
  @ApiMoney() poolAmount!: number;
  @ApiMoney() committed!: number;
  @ApiMoney() disbursed!: number;
  @ApiMoney() available!: number;
  @ApiProperty({ type: [PoolUnitView] }) byUnit!: PoolUnitView[];
  @ApiProperty({ type: [PoolCategoryView] }) byCategory!: PoolCategoryView[];
}

export class SpendingRowView {
  @ApiProperty({ required: false }) unitCode?: string;
  @ApiProperty({ required: false }) unitName?: string;
  @ApiProperty({ required: false }) categoryCode?: string;
  @ApiProperty({ required: false }) categoryName?: string;
  @ApiProperty({ required: false, example: '2026-03', description: 'The month of the postings' }) month?: string;
  @ApiProperty({ required: false, example: '2026-Q1', description: 'The quarter of the postings' }) quarter?: string;
  @ApiMoney() committed!: number;
  @ApiMoney() disbursed!: number;
}

export class MoneyTotalsView {
  @ApiMoney() committed!: number;
  @ApiMoney() disbursed!: number;
}

export class SpendingReportView {
  @ApiProperty({ type: 'integer', nullable: true }) year!: number | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true }) from!: string | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true }) to!: string | null;
  @ApiProperty({ enum: ['unit', 'category', 'month', 'quarter'], isArray: true }) groupBy!: string[];
  @ApiUuid({ nullable: true }) unitId!: string | null;
  @ApiProperty({ nullable: true, type: String }) categoryCode!: string | null;
  @ApiProperty({ type: [SpendingRowView] }) rows!: SpendingRowView[];
  @ApiProperty({ type: MoneyTotalsView }) totals!: MoneyTotalsView;
}

export class StatisticsFigureView {
  @ApiProperty({ required: false }) unitCode?: string;
  @ApiProperty({ required: false }) categoryCode?: string;
  @ApiProperty({ required: false, example: '2026-Q1' }) quarter?: string;
  @ApiProperty({ type: 'integer', nullable: true }) grants!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Distinct cases' }) candidates!: number | null;
  @ApiMoney({ nullable: true }) granted!: number | null;
  @ApiMoney({ nullable: true }) paid!: number | null;
  @ApiProperty({ description: 'Withheld to protect small numbers of people: the figures are null' })
  suppressed!: boolean;
}

export class StatisticsTotalsView {
  @ApiProperty({ type: [StatisticsFigureView] }) byCategory!: StatisticsFigureView[];
  @ApiProperty({ type: [StatisticsFigureView] }) byQuarter!: StatisticsFigureView[];
  @ApiProperty({ type: [StatisticsFigureView], required: false }) byUnit?: StatisticsFigureView[];
  @ApiProperty({ type: StatisticsFigureView }) all!: StatisticsFigureView;
}

export class StatisticsReportView {
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty() byUnit!: boolean;
  @ApiProperty({ type: 'integer', description: 'Figures of fewer distinct candidates are suppressed' })
  threshold!: number;
  @ApiProperty({ type: [StatisticsFigureView] }) cells!: StatisticsFigureView[];
  @ApiProperty({ type: StatisticsTotalsView }) totals!: StatisticsTotalsView;
}

export class ProcessingFiguresView {
  @ApiProperty({ type: 'integer' }) decided!: number;
  @ApiProperty({ type: 'integer' }) approved!: number;
  @ApiProperty({ type: 'integer' }) rejected!: number;
  @ApiProperty({ type: 'number', nullable: true, description: 'approved / decided' }) approvalRate!: number | null;
  @ApiProperty({ type: 'number', nullable: true }) medianDays!: number | null;
  @ApiProperty({ type: 'number', nullable: true }) p90Days!: number | null;
  @ApiProperty({ type: 'integer' }) grantedCases!: number;
  @ApiMoney({ nullable: true }) averageGrantPerCase!: number | null;
}

export class CategoryProcessingView extends ProcessingFiguresView {
  @ApiProperty() categoryCode!: string;
}

export class ProcessingReportView {
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: ProcessingFiguresView }) overall!: ProcessingFiguresView;
  @ApiProperty({ type: ProcessingFiguresView }) urgent!: ProcessingFiguresView;
  @ApiProperty({ type: ProcessingFiguresView }) ordinary!: ProcessingFiguresView;
  @ApiProperty({ type: [CategoryProcessingView] }) byCategory!: CategoryProcessingView[];
}
