import { Stack } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_TICK, LEGEND_PROPS, ChartBox, TOOLTIP_STYLE, moneyBars, useMoneyChartFormat } from '../common/charts';
import { SmallSelect } from '../common/SmallSelect';
import type { Grouping, SpendingReport, SpendingRow } from '../types';
import { groupKey, useGroupLabel } from './groupLabels';

// A time line reads best along the axis: month or quarter first when chosen.
const PREFERRED: Grouping[] = ['month', 'quarter', 'unit', 'category'];

interface Point {
  key: string;
  label: string;
  /** the unit's name, for the tooltip */
  title: string;
  committed: bigint;
  disbursed: bigint;
}

/** The rows added up by one grouping (the others summed over), in the report's order. */
const aggregate = (rows: SpendingRow[], grouping: Grouping | undefined, label: (row: SpendingRow) => string) => {
  const points = new Map<string, Point>();
  for (const row of rows) {
    const key = grouping ? groupKey(grouping, row) : '';
    const point = points.get(key) ?? {
      key,
      label: label(row),
      title: grouping === 'unit' ? `${row.unitCode} – ${row.unitName ?? ''}` : label(row),
      committed: 0n,
      disbursed: 0n,
    };
    point.committed += BigInt(row.committed);
    point.disbursed += BigInt(row.disbursed);
    points.set(key, point);
  }
  const list = [...points.values()];
  // the API orders by every grouping in turn; by this one alone, keys sort as the API's do
  if (grouping) list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return list.map((p) => ({ ...p, committed: Number(p.committed), disbursed: Number(p.disbursed) }));
};

/** Committed and disbursed as bars along one of the report's groupings (chosen when there are several). */
export const SpendingChart = ({ report }: { report: SpendingReport }) => {
  const translate = useTranslate();
  const groupLabel = useGroupLabel();
  const { tick, tooltip } = useMoneyChartFormat();
  const [chosen, setChosen] = useState<Grouping | null>(null);
  const grouping =
    chosen && report.groupBy.includes(chosen) ? chosen : PREFERRED.find((g) => report.groupBy.includes(g));
  const data = aggregate(report.rows, grouping, (row) =>
    grouping ? groupLabel(grouping, row) : translate('app.reports.total'),
  );
  const titles = new Map(data.map((p) => [p.label, p.title]));
  const many = data.length > 8;
  return (
    <Stack spacing={1}>
      {report.groupBy.length > 1 && grouping && (
        <SmallSelect
          id="chart-by"
          label={translate('app.reports.chart_by')}
          value={grouping}
          onChange={(value) => setChosen(value as Grouping)}
          options={report.groupBy.map((g) => ({ value: g, label: translate(`app.reports.groupings.${g}`) }))}
          sx={{ width: 220 }}
        />
      )}
      <ChartBox height={340} label={translate('app.reports.chart_label')}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" />
            <XAxis
              dataKey="label"
              tick={AXIS_TICK}
              interval={0}
              angle={many ? -40 : 0}
              textAnchor={many ? 'end' : 'middle'}
              height={many ? 70 : 30}
            />
            <YAxis tickFormatter={tick} tick={AXIS_TICK} width={84} />
            <ReferenceLine y={0} stroke="#9E9E9E" />
            <Tooltip
              {...TOOLTIP_STYLE}
              formatter={tooltip}
              labelFormatter={(value) => titles.get(String(value)) ?? String(value)}
              cursor={{ fillOpacity: 0.2 }}
            />
            <Legend {...LEGEND_PROPS} />
            {moneyBars({
              disbursed: translate('app.reports.disbursed'),
              committed: translate('app.reports.committed'),
            })}
          </BarChart>
        </ResponsiveContainer>
      </ChartBox>
    </Stack>
  );
};
