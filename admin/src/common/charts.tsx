import { Alert, Box, Skeleton, Typography } from '@mui/material';
import { type ReactNode, useCallback } from 'react';
import { HttpError, useTranslate } from 'react-admin';
import { Bar, BarChart, Legend, ResponsiveContainer, Tooltip } from 'recharts';
import { GAUGE_COLORS } from '../budget-years/PoolGauge';
import { problemMessage } from '../httpClient';
import { useFormatMoney, useFormatMoneyCompact } from './money';

// Okabe–Ito colours throughout (told apart with every common colour-vision
// deficiency); committed and disbursed as in the pool gauge.
export const SERIES_COLORS = {
  committed: GAUGE_COLORS.committed,
  disbursed: GAUGE_COLORS.disbursed,
  sky: '#56B4E9',
  green: '#009E73',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  yellow: '#F0E442',
  grey: '#999999',
} as const;

/** Axis ticks and tooltips of money charts; the values are minor units, as the API sends them. */
export const useMoneyChartFormat = () => {
  const format = useFormatMoney();
  const compact = useFormatMoneyCompact();
  const tick = useCallback((value: unknown) => (typeof value === 'number' ? compact(value) : String(value)), [compact]);
  const tooltip = useCallback(
    (value: unknown) => (typeof value === 'number' ? format(BigInt(Math.round(value))) : String(value ?? '')),
    [format],
  );
  return { tick, tooltip };
};

/** The chart's box: a fixed height for recharts to fill, and a name for screen readers. */
export const ChartBox = ({
  height = 280,
  label,
  children,
}: {
  height?: number;
  label: string;
  children: ReactNode;
}) => (
  <Box role="figure" aria-label={label} sx={{ width: '100%', height, '& svg': { overflow: 'visible' } }}>
    {children}
  </Box>
);

/**
 * What a chart shows while its data loads, when it failed, or when there is
 * nothing to draw; the chart itself otherwise.
 */
export const ChartState = ({
  isPending,
  error,
  empty,
  emptyText = 'app.charts.no_data',
  height = 280,
  children,
}: {
  isPending: boolean;
  error?: unknown;
  empty?: boolean;
  emptyText?: string;
  height?: number;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  if (error) {
    // 404: a year without a pool, or a unit not visible to this user; said in the user's language
    const message = error instanceof HttpError && error.status === 404 ? 'app.charts.not_found' : problemMessage(error);
    return (
      <Alert severity="warning" variant="outlined">
        {translate(message, { _: message })}
      </Alert>
    );
  }
  if (isPending) return <Skeleton variant="rounded" height={height} />;
  if (empty) return <EmptyChart text={emptyText} />;
  return <>{children}</>;
};

/** Said in place of a chart with nothing to draw, rather than axes of zeros. */
export const EmptyChart = ({ text = 'app.charts.no_data' }: { text?: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ py: 2 }} data-testid="chart-empty">
      {translate(text)}
    </Typography>
  );
};

/** True when every row's amounts are zero (or there is no row): a bar chart of them would draw nothing. */
export const noMoney = <K extends string>(rows: readonly Record<K, number | null>[], keys: readonly K[]): boolean =>
  rows.every((row) => keys.every((key) => !row[key]));

/** Recharts' tooltip in the theme's type, so a chart reads like the rest of the page. */
export const TOOLTIP_STYLE = {
  contentStyle: { borderRadius: 4, fontSize: 13 },
  labelStyle: { fontWeight: 600, marginBottom: 4 },
} as const;

export const AXIS_TICK = { fontSize: 12 } as const;

/** Legends in the order of the series (not alphabetical), their names in the text colour, not the series'. */
export const LEGEND_PROPS = {
  itemSorter: null,
  formatter: (value: unknown) => <span style={{ color: 'rgba(0, 0, 0, 0.87)', fontSize: 13 }}>{String(value)}</span>,
} as const;

/**
 * The disbursed and committed series every money chart shows, in the gauge's
 * colours; `stacked` puts them on one bar. Called as a function, not rendered
 * as a component, because recharts reads its <Bar> children directly.
 */
export const moneyBars = (names: { disbursed: string; committed: string }, stacked = false) =>
  (['disbursed', 'committed'] as const).map((series) => (
    <Bar
      key={series}
      dataKey={series}
      stackId={stacked ? 'money' : undefined}
      name={names[series]}
      fill={SERIES_COLORS[series]}
      isAnimationActive={false}
    />
  ));

/**
 * Rows' disbursed and committed money as stacked bars, with the legend and the
 * money tooltip; `children` are the grid and the axes. Rows without any money
 * show the empty state instead of an empty chart.
 */
export const StackedMoneyChart = ({
  rows,
  label,
  height,
  layout = 'horizontal',
  margin,
  labelFormatter,
  children,
}: {
  rows: readonly Record<'committed' | 'disbursed', number | null>[];
  /** the chart's name for screen readers, translated */
  label: string;
  height: number;
  layout?: 'horizontal' | 'vertical';
  margin: { top: number; right: number; bottom: number; left: number };
  /** the tooltip's heading of a bar, when its axis label is not enough */
  labelFormatter?: (label: unknown) => string;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  const { tooltip } = useMoneyChartFormat();
  if (noMoney(rows, ['committed', 'disbursed'])) return <EmptyChart text="app.charts.no_money" />;
  return (
    <ChartBox height={height} label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout={layout} margin={margin}>
          {children}
          <Tooltip
            {...TOOLTIP_STYLE}
            formatter={tooltip}
            labelFormatter={labelFormatter}
            cursor={{ fillOpacity: 0.2 }}
          />
          <Legend {...LEGEND_PROPS} />
          {moneyBars(
            { disbursed: translate('app.charts.disbursed'), committed: translate('app.charts.committed') },
            true,
          )}
        </BarChart>
      </ResponsiveContainer>
    </ChartBox>
  );
};
