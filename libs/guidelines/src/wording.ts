// Shared pieces of the English, Danish and Finnish finding messages.
// Relative import rather than '@app/money' so the engine resolves the same way under tsc, Jest and Vite.
import { formatMoney } from '@app/money';
import type { CaseStatus, EvaluationContext, UnitLabel } from './types.js';

/** A piece of a message in each language of the product. */
export interface Bilingual {
  en: string;
  da: string;
  fi: string;
}

export function money(amount: bigint, context: EvaluationContext): Bilingual {
  const currency = context.currency ?? 'DKK';
  return {
    en: formatMoney(amount, currency, 'en'),
    da: formatMoney(amount, currency, 'da'),
    fi: formatMoney(amount, currency, 'fi'),
  };
}

// The admin's date format in each language (its formatIsoDate): "15 Dec 2026" / "15. dec. 2026" / "15.12.2026".
const DATE_FORMATS = {
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'medium' }),
  da: new Intl.DateTimeFormat('da-DK', { timeZone: 'UTC', dateStyle: 'medium' }),
  fi: new Intl.DateTimeFormat('fi-FI', { timeZone: 'UTC', dateStyle: 'medium' }),
};

/** A calendar date (`YYYY-MM-DD`) as people read it in each language; as given when it is not one. */
export function dateWords(iso: string): Bilingual {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime())) return { en: iso, da: iso, fi: iso };
  return { en: DATE_FORMATS.en.format(date), da: DATE_FORMATS.da.format(date), fi: DATE_FORMATS.fi.format(date) };
}

const UNIT_NAMES: Record<UnitLabel, { en: [string, string]; da: [string, string]; fi: [string, string] }> = {
  night: { en: ['night', 'nights'], da: ['nat', 'nætter'], fi: ['yö', 'yötä'] },
  session: { en: ['session', 'sessions'], da: ['behandling', 'behandlinger'], fi: ['käyntikerta', 'käyntikertaa'] },
  item: { en: ['item', 'items'], da: ['stk.', 'stk.'], fi: ['kpl', 'kpl'] },
};

/** "a night" / "pr. nat" / "/ yö" */
export function perUnit(label: UnitLabel): Bilingual {
  return {
    en: `a ${UNIT_NAMES[label].en[0]}`,
    da: `pr. ${UNIT_NAMES[label].da[0]}`,
    fi: `/ ${UNIT_NAMES[label].fi[0]}`,
  };
}

/** "95 nights" / "95 nætter" / "95 yötä" */
export function unitCount(count: number, label: UnitLabel): Bilingual {
  const plural = count === 1 ? 0 : 1;
  return {
    en: `${count} ${UNIT_NAMES[label].en[plural]}`,
    da: `${count} ${UNIT_NAMES[label].da[plural]}`,
    fi: `${count} ${UNIT_NAMES[label].fi[plural]}`,
  };
}

const STATUS_NAMES: Record<CaseStatus, Bilingual> = {
  assessment: { en: 'in assessment', da: 'under vurdering', fi: 'arvioinnissa' },
  active: { en: 'active', da: 'aktiv', fi: 'aktiivinen' },
  completed: { en: 'completed', da: 'afsluttet', fi: 'päättynyt' },
  discontinued: { en: 'discontinued', da: 'afbrudt', fi: 'keskeytynyt' },
  refused: { en: 'refused admission', da: 'afvist optagelse', fi: 'hylätty ottamisesta' },
};

export function caseStatus(status: CaseStatus): Bilingual {
  return STATUS_NAMES[status];
}

export function orList(items: readonly string[], or: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${or} ${items[items.length - 1]}`;
}
