import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Rectangle,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { APPLICATION_STATUSES, type ApplicationStatus } from '@app/workflow';
import { AXIS_TICK, ChartBox, ChartState, SERIES_COLORS, TOOLTIP_STYLE } from '../common/charts';

const STATUS_COLORS: Record<ApplicationStatus, string> = {
  draft: '#BBBBBB',
  submitted: SERIES_COLORS.sky,
  in_review: SERIES_COLORS.sky,
  info_requested: SERIES_COLORS.committed,
  awaiting_second_approval: SERIES_COLORS.yellow,
  approved: SERIES_COLORS.green,
  partially_approved: SERIES_COLORS.green,
  paid: SERIES_COLORS.disbursed,
  rejected: SERIES_COLORS.vermillion,
  withdrawn: SERIES_COLORS.grey,
  cancelled: SERIES_COLORS.grey,
};

/**
 * How many applications are in each status: one small list call per status
 * (a page of one), the count from its Content-Range, so the figure is exact
 * however many there are. The API keeps a unit worker to their own unit.
 */
const useStatusCounts = () => {
  const dataProvider = useDataProvider();
  return useQuery({
    queryKey: ['applications', 'statusCounts'],
    queryFn: () =>
      Promise.all(
        APPLICATION_STATUSES.map(async (status) => {
          const { total } = await dataProvider.getList('applications', {
            pagination: { page: 1, perPage: 1 },
            sort: { field: 'createdAt', order: 'DESC' },
            filter: { status: [status] },
          });
          return { status, count: total ?? 0 };
        }),
      ),
  });
};

export const applicationsLink = (statuses: readonly string[]) =>
  `/applications?filter=${encodeURIComponent(JSON.stringify({ status: statuses }))}`;

/** The unit's applications by status as bars; a bar leads to those applications. */
export const StatusChart = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { data, isPending, error } = useStatusCounts();
  const rows = (data ?? [])
    .filter((row) => row.count > 0)
    .map((row) => ({
      ...row,
      label: translate(`app.application_status.${row.status}`),
      fill: STATUS_COLORS[row.status],
    }));
  const open = useCallback((status: string) => navigate(applicationsLink([status])), [navigate]);
  const height = Math.max(120, rows.length * 34 + 30);
  return (
    <ChartState isPending={isPending} error={error} empty={rows.length === 0} emptyText="app.dashboard.by_status.empty">
      <ChartBox height={height} label={translate('app.dashboard.by_status.title')}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 36, bottom: 0, left: 0 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} />
            <YAxis type="category" dataKey="label" width={190} tick={AXIS_TICK} interval={0} />
            <Tooltip {...TOOLTIP_STYLE} cursor={{ fillOpacity: 0.2 }} />
            <Bar
              dataKey="count"
              name={translate('app.charts.applications')}
              cursor="pointer"
              shape={(props) => <Rectangle {...props} fill={(props.payload as { fill: string }).fill} />}
              onClick={(item) => open((item.payload as { status: string }).status)}
              isAnimationActive={false}
            >
              <LabelList dataKey="count" position="right" fill="rgba(0, 0, 0, 0.87)" style={{ fontSize: 12 }} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </ChartBox>
    </ChartState>
  );
};
