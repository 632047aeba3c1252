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
import { useCategoryName } from '../common/categories';
import type { PoolReport } from '../types';

/** A year's disbursed and committed money per category, as stacked horizontal bars. */
export const CategorySpendingChart = ({ rows }: { rows: PoolReport['byCategory'] }) => {
  const translate = useTranslate();
  const categoryName = useCategoryName();
  const { tick, tooltip } = useMoneyChartFormat();
  const data = rows.map((row) => ({ ...row, label: categoryName(row.categoryCode) }));
  if (noMoney(rows, ['committed', 'disbursed'])) return <EmptyChart text="app.charts.no_money" />;
  return (
    <ChartBox
      height={Math.max(140, data.length * 48 + 60)}
      label={translate('app.dashboard.spending_by_category.title')}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 0, right: 24, bottom: 0, left: 0 }}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" tickFormatter={tick} tick={AXIS_TICK} />
          <YAxis type="category" dataKey="label" width={170} tick={AXIS_TICK} interval={0} />
          <Tooltip {...TOOLTIP_STYLE} formatter={tooltip} cursor={{ fillOpacity: 0.2 }} />
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
