import { useQuery } from '@tanstack/react-query';
import { HttpError } from 'react-admin';
import { useExitPoolDataProvider } from '../dataProvider';
import type { SpendingQuery } from '../types';

// The report reads as react-query queries (react-admin's own cache): the app bar's
// refresh button reloads them with everything else, and two cards asking for the
// same report share one request.

/** A refusal (4xx: a year without a pool, another unit) stays one; a lost answer or a 5xx is tried twice more. */
const retry = (failures: number, error: unknown) =>
  failures < 2 && !(error instanceof HttpError && error.status >= 400 && error.status < 500);

export const usePoolReport = (year: number | undefined) => {
  const dataProvider = useExitPoolDataProvider();
  return useQuery({
    queryKey: ['reports', 'pool', year],
    queryFn: async () => (await dataProvider.poolReport(year!)).data,
    enabled: year !== undefined,
    retry,
  });
};

export const useSpendingReport = (query: SpendingQuery | null) => {
  const dataProvider = useExitPoolDataProvider();
  return useQuery({
    queryKey: ['reports', 'spending', query],
    queryFn: async () => (await dataProvider.spendingReport(query!)).data,
    enabled: query !== null,
    retry,
    // a new choice keeps the last table and chart on screen until its answer arrives
    placeholderData: (previous) => previous,
  });
};

export const useProcessingReport = (year: number | undefined) => {
  const dataProvider = useExitPoolDataProvider();
  return useQuery({
    queryKey: ['reports', 'processing', year],
    queryFn: async () => (await dataProvider.processingReport(year!)).data,
    enabled: year !== undefined,
    retry,
  });
};
