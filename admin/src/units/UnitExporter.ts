import { type ExportColumn, useCsvExporter } from '../common/useCsvExporter';
import type { Unit } from '../types';

const COLUMNS: ExportColumn<Unit>[] = [
  { header: 'resources.units.fields.code', value: (u) => u.code },
  { header: 'resources.units.fields.name', value: (u) => u.name },
  { header: 'resources.units.fields.active', value: (u, { yesNo }) => yesNo(u.active) },
];

export const useUnitExporter = () => useCsvExporter<Unit>(COLUMNS);
