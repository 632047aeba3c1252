import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_TICK, LEGEND_PROPS, ChartBox, SERIES_COLORS, TOOLTIP_STYLE, useMoneyChartFormat } from '../common/charts';
import type { PoolReport } from '../types';

/** A year's disbursed and committed money per exit unit, stacked, the unit's name in the tooltip. */
export const UnitSpendingChart = ({ rows }: { rows: PoolReport['byUnit'] }) => {
  const translate = useTranslate();
  const { tick, tooltip } = useMoneyChartFormat();
  const names = new Map(rows.map((row) => [row.unitCode, row.unitName]));
  return (
    <ChartBox height={300} label={translate('app.dashboard.spending_by_unit.title')}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="unitCode" tick={AXIS_TICK} interval={0} />
          <YAxis tickFormatter={tick} tick={AXIS_TICK} width={80} />
          <Tooltip
            {...TOOLTIP_STYLE}
            formatter={tooltip}
            labelFormatter={(code) => `${String(code)} – ${names.get(String(code)) ?? ''}`}
            cursor={{ fillOpacity: 0.2 }}
          />
          <Legend {...LEGEND_PROPS} />
          <Bar
            dataKey="disbursed"
            stackId="money"
            name={translate('app.charts.disbursed')}
            fill={SERIES_COLORS.disbursed}
            isAnimationActive={false}
          />
          <Bar
            dataKey="committed"
            stackId="money"
            name={translate('app.charts.committed')}
            fill={SERIES_COLORS.committed}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartBox>
  );
};
