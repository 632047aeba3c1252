import { type ExportColumn, useCsvExporter } from '../common/useCsvExporter';
import type { User } from '../types';

const field = (name: string) => `resources.users.fields.${name}`;

const COLUMNS: ExportColumn<User>[] = [
  { header: field('displayName'), value: (u) => u.displayName },
  { header: field('email'), value: (u) => u.email },
  { header: field('role'), value: (u, { translate }) => translate(`app.roles.${u.role}`) },
  { header: field('unitId'), value: (u, { units }) => (u.unitId ? (units[u.unitId]?.name ?? null) : null) },
  { header: field('active'), value: (u, { yesNo }) => yesNo(u.active) },
  { header: field('totpEnabled'), value: (u, { yesNo }) => yesNo(u.totpEnabled) },
];

export const useUserExporter = () => useCsvExporter<User>(COLUMNS, { units: true });
