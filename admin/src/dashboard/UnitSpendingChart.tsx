import { useTranslate } from 'react-admin';
import { BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import {
  AXIS_TICK,
  ChartBox,
  EmptyChart,
  LEGEND_PROPS,
  moneyBars,
  noMoney,
  TOOLTIP_STYLE,
  useMoneyChartFormat,
} from '../common/charts';
import type { PoolReport } from '../types';

/** A year's disbursed and committed money per exit unit, stacked, the unit's name in the tooltip. */
export const UnitSpendingChart = ({ rows }: { rows: PoolReport['byUnit'] }) => {
  const translate = useTranslate();
  const { tick, tooltip } = useMoneyChartFormat();
  const names = new Map(rows.map((row) => [row.unitCode, row.unitName]));
  if (noMoney(rows, ['committed', 'disbursed'])) return <EmptyChart text="app.charts.no_money" />;
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
          {moneyBars(
            { disbursed: translate('app.charts.disbursed'), committed: translate('app.charts.committed') },
            true,
          )}
        </BarChart>
      </ResponsiveContainer>
    </ChartBox>
  );
};
