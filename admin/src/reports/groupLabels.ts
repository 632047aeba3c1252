import { useCallback } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { useCategoryName } from '../common/categories';
import { formatMonth } from '../common/dates';
import type { Grouping, SpendingRow } from '../types';

/** The value of a row's grouping as people read it: a unit's code, a category's name, "Mar 2026", "Q1 2026". */
export const useGroupLabel = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const categoryName = useCategoryName();
  return useCallback(
    (grouping: Grouping, row: SpendingRow): string => {
      switch (grouping) {
        case 'unit':
          return row.unitCode ?? '';
        case 'category':
          return row.categoryCode ? categoryName(row.categoryCode, row.categoryName) : '';
        case 'month':
          return row.month ? formatMonth(row.month, locale) : '';
        case 'quarter': {
          const match = /^(\d{4})-Q([1-4])$/.exec(row.quarter ?? '');
          return match
            ? translate('app.reports.quarter_label', { year: match[1], quarter: match[2] })
            : (row.quarter ?? '');
        }
      }
    },
    [translate, locale, categoryName],
  );
};

/** The key of a row's grouping, for adding rows up by it (`KBH`, `relocation`, `2026-03`, `2026-Q1`). */
export const groupKey = (grouping: Grouping, row: SpendingRow): string =>
  ({ unit: row.unitCode, category: row.categoryCode, month: row.month, quarter: row.quarter })[grouping] ?? '';
