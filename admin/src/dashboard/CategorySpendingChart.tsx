import { useTranslate } from 'react-admin';
import { CartesianGrid, XAxis, YAxis } from 'recharts';
import { AXIS_TICK, StackedMoneyChart, useMoneyChartFormat } from '../common/charts';
import { useCategoryName } from '../common/categories';
import type { PoolReport } from '../types';

/** A year's disbursed and committed money per category, as stacked horizontal bars. */
export const CategorySpendingChart = ({ rows }: { rows: PoolReport['byCategory'] }) => {
  const translate = useTranslate();
  const categoryName = useCategoryName();
  const { tick } = useMoneyChartFormat();
  const data = rows.map((row) => ({ ...row, label: categoryName(row.categoryCode) }));
  return (
    <StackedMoneyChart
      rows={data}
      label={translate('app.dashboard.spending_by_category.title')}
      height={Math.max(140, data.length * 48 + 60)}
      layout="vertical"
      margin={{ top: 0, right: 24, bottom: 0, left: 0 }}
    >
      <CartesianGrid horizontal={false} strokeDasharray="3 3" />
      <XAxis type="number" tickFormatter={tick} tick={AXIS_TICK} />
      <YAxis type="category" dataKey="label" width={170} tick={AXIS_TICK} interval={0} />
    </StackedMoneyChart>
  );
};
