import WarningIcon from '@mui/icons-material/WarningAmber';
import {
  Box,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import {
  RecordContextProvider,
  ReferenceField,
  TextField,
  useGetList,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { sumMoney } from '@app/money';
import { CodeField } from '../common/CodeField';
import { toMinor, useFormatAmount } from '../common/money';
import { share, useFormatPercent } from '../common/percent';
import type { BudgetYear, Unit, UnitFigures } from '../types';
import { numericCell as numeric } from '../common/tables';

/** Committed and paid together as a share of the unit's indicative allocation. */
const usedShare = (row: UnitFigures): number | null => {
  const allocation = toMinor(row.allocation);
  if (allocation === null || allocation === 0n) return null;
  return share((toMinor(row.committed) ?? 0n) + (toMinor(row.disbursed) ?? 0n), allocation);
};

const UsedCell = ({ row }: { row: UnitFigures }) => {
  const translate = useTranslate();
  const percent = useFormatPercent();
  const used = usedShare(row);
  if (used === null) return <>–</>;
  const over = used > 1;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'flex-end' }}>
      <LinearProgress
        variant="determinate"
        value={Math.min(100, used * 100)}
        color={over ? 'error' : 'primary'}
        sx={{ width: 64, height: 6, borderRadius: 3 }}
        aria-hidden
      />
      <Typography
        component="span"
        variant="body2"
        sx={{ ...numeric, minWidth: 52, fontWeight: over ? 700 : undefined }}
        color={over ? 'error' : undefined}
      >
        {percent(used)}
      </Typography>
      {over && (
        <Tooltip title={translate('app.budget_years.over_allocation')}>
          <WarningIcon color="error" fontSize="small" aria-label={translate('app.budget_years.over_allocation')} />
        </Tooltip>
      )}
    </Stack>
  );
};

/**
 * Each unit's indicative allocation against what its grants committed and paid.
 * A unit worker receives only their own unit's row.
 */
export const UnitUsageTable = () => {
  const record = useRecordContext<BudgetYear>();
  const translate = useTranslate();
  const amount = useFormatAmount();
  const percent = useFormatPercent();
  // Loaded once for the order by code; the ReferenceFields then read the same cache.
  const { data: units } = useGetList<Unit>('units', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'code', order: 'ASC' },
  });
  if (!record) return null;
  const order = new Map((units ?? []).map((unit, index) => [unit.id, index]));
  const rows = [...(record.byUnit ?? [])].sort(
    (a, b) => (order.get(a.unitId) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.unitId) ?? Number.MAX_SAFE_INTEGER),
  );
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.budget_years.no_units')}
      </Typography>
    );
  }
  const f = (field: string) => translate(`resources.budget-years.fields.byUnit.${field}`);
  const total = (pick: (row: UnitFigures) => number | null) => sumMoney(rows.map((row) => toMinor(pick(row)) ?? 0n));
  const totals: UnitFigures = {
    unitId: '',
    allocation: rows.some((row) => row.allocation !== null) ? Number(total((row) => row.allocation)) : null,
    committed: Number(total((row) => row.committed)),
    disbursed: Number(total((row) => row.disbursed)),
  };

  return (
    // A grid of figures scrolls sideways within the screen on a phone; `contain` keeps its width out
    // of the page's own, which would otherwise grow to the table's.
    <Box sx={{ overflowX: 'auto', contain: 'inline-size' }}>
      <Table size="small" data-testid="unit-usage">
        <TableHead>
          <TableRow>
            <TableCell>{f('unitId')}</TableCell>
            <TableCell sx={numeric}>{f('allocation')}</TableCell>
            <TableCell sx={numeric}>{f('committed')}</TableCell>
            <TableCell sx={numeric}>{f('disbursed')}</TableCell>
            <TableCell sx={numeric}>{f('used')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => {
            const over = (usedShare(row) ?? 0) > 1;
            return (
              <TableRow
                key={row.unitId}
                data-over={over || undefined}
                sx={
                  over
                    ? { bgcolor: 'rgba(211, 47, 47, 0.08)', '& td': { borderBottomColor: 'error.light' } }
                    : undefined
                }
              >
                <TableCell>
                  <RecordContextProvider value={row}>
                    <ReferenceField source="unitId" reference="units" link="show">
                      <Stack direction="row" spacing={1} component="span">
                        <CodeField source="code" />
                        {/* on a phone the code alone, so the first figures show beside it */}
                        <TextField
                          source="name"
                          color="text.secondary"
                          sx={{ display: { xs: 'none', sm: 'inline' } }}
                        />
                      </Stack>
                    </ReferenceField>
                  </RecordContextProvider>
                </TableCell>
                <TableCell sx={numeric}>{amount(row.allocation)}</TableCell>
                <TableCell sx={numeric}>{amount(row.committed)}</TableCell>
                <TableCell sx={numeric}>{amount(row.disbursed)}</TableCell>
                <TableCell sx={numeric}>
                  <UsedCell row={row} />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
        {rows.length > 1 && (
          <TableFooter>
            <TableRow sx={{ '& td': { fontWeight: 600, color: 'text.primary' } }}>
              <TableCell>{translate('app.budget_years.all_units')}</TableCell>
              <TableCell sx={numeric}>{amount(totals.allocation)}</TableCell>
              <TableCell sx={numeric}>{amount(totals.committed)}</TableCell>
              <TableCell sx={numeric}>{amount(totals.disbursed)}</TableCell>
              <TableCell sx={numeric}>{percent(usedShare(totals))}</TableCell>
            </TableRow>
          </TableFooter>
        )}
      </Table>
    </Box>
  );
};
