import { type ExportColumn, useCsvExporter } from '../common/useCsvExporter';
import type { Category } from '../types';

// every name, as the category's page shows them
const COLUMNS: ExportColumn<Category>[] = [
  { header: 'resources.categories.fields.code', value: (c) => c.code },
  { header: 'resources.categories.fields.name', value: (c) => c.name },
  { header: 'resources.categories.fields.nameEn', value: (c) => c.nameEn },
  { header: 'resources.categories.fields.nameFi', value: (c) => c.nameFi },
  { header: 'resources.categories.fields.active', value: (c, { yesNo }) => yesNo(c.active) },
];

export const useCategoryExporter = () => useCsvExporter<Category>(COLUMNS);
