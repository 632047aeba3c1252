import { type ExportColumn, useCsvExporter } from '../common/useCsvExporter';
import type { Category } from '../types';

const COLUMNS: ExportColumn<Category>[] = [
  { header: 'resources.categories.fields.code', value: (c) => c.code },
  // the name in the user's language, as the screens show it
  { header: 'resources.categories.fields.name', value: (c, { categoryName }) => categoryName(c.code, c.name) },
  { header: 'resources.categories.fields.active', value: (c, { yesNo }) => yesNo(c.active) },
];

export const useCategoryExporter = () => useCsvExporter<Category>(COLUMNS);
