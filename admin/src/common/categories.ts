import { useCallback, useMemo } from 'react';
import { useGetList, useLocaleState } from 'react-admin';
import type { Category } from '../types';
import { nameIn } from './categoryName';

const ALL = { pagination: { page: 1, perPage: 100 }, sort: { field: 'code', order: 'ASC' as const }, filter: {} };

/**
 * A category's name in the user's language, from the categories themselves (the one source of their names).
 * A code not (yet) loaded shows the name the caller has, else the code.
 */
export const useCategoryName = () => {
  const [locale] = useLocaleState();
  const { data } = useGetList<Category>('categories', ALL);
  const byCode = useMemo(() => new Map((data ?? []).map((category) => [category.code, category])), [data]);
  return useCallback(
    (code: string, storedName?: string) => {
      const category = byCode.get(code);
      return category ? nameIn(category, locale) : (storedName ?? code);
    },
    [byCode, locale],
  );
};

/** Choices for a category input, keyed by code (applications and guidelines refer to categories by code). */
export const useCategoryChoices = (onlyActive = true) => {
  const [locale] = useLocaleState();
  const { data, isPending } = useGetList<Category>('categories', {
    ...ALL,
    filter: onlyActive ? { active: true } : {},
  });
  const choices = useMemo(
    () => (data ?? []).map((category) => ({ id: category.code, name: nameIn(category, locale) })),
    [data, locale],
  );
  return { choices, isPending };
};
