import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import type { ReactNode } from 'react';
import { type SortPayload, useGetList, useTranslate } from 'react-admin';
import { ChartState } from '../common/charts';
import { usePhone } from '../common/usePhone';
import type { Application } from '../types';
import { ApplicationItem, ApplicationItems } from './ApplicationItem';
import { ApplicationRow, numeric } from './ApplicationRow';
import { DashboardCard } from './DashboardCard';

export interface ApplicationColumn {
  /** a translation key */
  label: string;
  numeric?: boolean;
  /** the cell of a row, in the row's record context */
  cell: ReactNode;
}

/**
 * The top of a work list on the dashboard, as the list itself sorts it: a table
 * (reference, unit and category, then `columns`), on a phone the same rows as
 * items (`lead` and the reference, `aside` on the right, then `details`).
 * The card's words are the keys under `keys`: title, subheader, open and empty.
 */
export const ApplicationsCard = ({
  keys,
  to,
  testId,
  sort,
  filter,
  max,
  columns,
  lead,
  aside,
  details,
}: {
  keys: string;
  to: string;
  testId: string;
  sort: SortPayload;
  filter: object;
  max: number;
  columns: ApplicationColumn[];
  /** the narrow first column's cell (the urgent mark), when there is one */
  lead?: ReactNode;
  aside: ReactNode;
  details: ReactNode;
}) => {
  const translate = useTranslate();
  const phone = usePhone();
  const { data, total, isPending, error } = useGetList<Application>('applications', {
    pagination: { page: 1, perPage: max },
    sort,
    filter,
  });
  const f = (field: string) => translate(`resources.applications.fields.${field}`);
  return (
    <DashboardCard
      title={translate(`${keys}.title`)}
      subheader={total ? translate(`${keys}.subheader`, { smart_count: total }) : undefined}
      link={{ to, label: translate(`${keys}.open`) }}
      wide
      testId={testId}
    >
      <ChartState isPending={isPending} error={error} empty={!data?.length} emptyText={`${keys}.empty`} height={160}>
        {data &&
          (phone ? (
            <ApplicationItems>
              {data.map((record) => (
                <ApplicationItem key={record.id} record={record} lead={lead} aside={aside}>
                  {details}
                </ApplicationItem>
              ))}
            </ApplicationItems>
          ) : (
            <Table size="small">
              <TableHead>
                <TableRow>
                  {lead && <TableCell sx={{ width: 24, pr: 0 }} />}
                  <TableCell>{f('reference')}</TableCell>
                  <TableCell>{f('unitId')}</TableCell>
                  <TableCell>{f('categoryCode')}</TableCell>
                  {columns.map((column) => (
                    <TableCell key={column.label} sx={column.numeric ? numeric : undefined}>
                      {translate(column.label)}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {data.map((record) => (
                  <ApplicationRow
                    key={record.id}
                    record={record}
                    lead={lead && <TableCell sx={{ pr: 0 }}>{lead}</TableCell>}
                  >
                    {columns.map((column) => (
                      <TableCell key={column.label} sx={column.numeric ? numeric : undefined}>
                        {column.cell}
                      </TableCell>
                    ))}
                  </ApplicationRow>
                ))}
              </TableBody>
            </Table>
          ))}
      </ChartState>
    </DashboardCard>
  );
};
