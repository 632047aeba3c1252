import { useCallback } from 'react';
import { type Exporter, type FetchRelatedRecords, type RaRecord, useLocaleState, useTranslate } from 'react-admin';
import type { Unit } from '../types';
import { useCategoryName } from './categories';
import { type CsvCell, csvFormat, csvText } from './csv';
import { saveBlob } from './download';
import { useCurrency } from './settings';

/** What a column's value may draw on besides the record. */
export interface ExportContext {
  translate: (key: string, options?: Record<string, unknown>) => string;
  categoryName: (code: string, storedName?: string) => string;
  /** the units of the records by id, when the exporter asked for them */
  units: Record<string, Unit>;
  yesNo: (value: boolean | null | undefined) => string | null;
}

export interface ExportColumn<R> {
  /** a translation key (a field's label, usually) */
  header: string;
  /** money columns say their currency in the header: "Requested (DKK)" */
  money?: boolean;
  value: (record: R, context: ExportContext) => CsvCell;
}

/**
 * The list's Export button as a file of the product's own: the columns given,
 * headed in the user's language, amounts in kroner as numbers, names rather
 * than ids, CSV with `;` and a decimal comma in Danish (`,` and a point in
 * English), UTF-8 with a byte-order mark.
 */
export const useCsvExporter = <R extends RaRecord>(
  columns: readonly ExportColumn<R>[],
  options: { units?: boolean } = {},
): Exporter<R> => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const currency = useCurrency();
  const categoryName = useCategoryName();
  const withUnits = options.units ?? false;
  return useCallback(
    async (records: R[], fetchRelatedRecords: FetchRelatedRecords, _dataProvider: unknown, resource?: string) => {
      const withUnit = records.filter((r) => typeof r.unitId === 'string');
      const units =
        withUnits && withUnit.length
          ? ((await fetchRelatedRecords(withUnit, 'unitId', 'units')) as Record<string, Unit>)
          : {};
      const context: ExportContext = {
        translate,
        categoryName,
        units,
        yesNo: (value) =>
          value === null || value === undefined ? null : translate(value ? 'ra.boolean.true' : 'ra.boolean.false'),
      };
      const headers = columns.map((c) => (c.money ? `${translate(c.header)} (${currency})` : translate(c.header)));
      const rows = records.map((record) => columns.map((c) => c.value(record, context)));
      const text = csvText(headers, rows, csvFormat(locale));
      const name = translate(`resources.${resource}.name`, { smart_count: 2, _: resource ?? 'export' });
      const today = new Date().toISOString().slice(0, 10);
      saveBlob(
        new Blob([text], { type: 'text/csv;charset=utf-8' }),
        `${name.toLowerCase().replace(/\s+/g, '-')}-${today}.csv`,
      );
    },
    [columns, withUnits, translate, categoryName, currency, locale],
  );
};
