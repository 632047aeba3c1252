import { useTranslate } from 'react-admin';
import { CartesianGrid, XAxis, YAxis } from 'recharts';
import { AXIS_TICK, StackedMoneyChart, useMoneyChartFormat } from '../common/charts';
import type { PoolReport } from '../types';

/** A year's disbursed and committed money per exit unit, stacked, the unit's name in the tooltip. */
export const UnitSpendingChart = ({ rows }: { rows: PoolReport['byUnit'] }) => {
  const translate = useTranslate();
  const { tick } = useMoneyChartFormat();
  const names = new Map(rows.map((row) => [row.unitCode, row.unitName]));
  return (
    <StackedMoneyChart
      rows={rows}
      label={translate('app.dashboard.spending_by_unit.title')}
      height={300}
      margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
      labelFormatter={(code) => `${String(code)} – ${names.get(String(code)) ?? ''}`}
    >
      <CartesianGrid vertical={false} strokeDasharray="3 3" />
      <XAxis dataKey="unitCode" tick={AXIS_TICK} interval={0} />
      <YAxis tickFormatter={tick} tick={AXIS_TICK} width={80} />
    </StackedMoneyChart>
  );
};
