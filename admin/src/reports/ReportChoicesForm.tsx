import {
  Box,
  Checkbox,
  Chip,
  FormControl,
  InputLabel,
  ListItemText,
  MenuItem,
  Select,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { useCategoryChoices } from '../common/categories';
import { SmallSelect } from '../common/SmallSelect';
import { GROUPINGS, type BudgetYear, type Grouping, type Unit } from '../types';
import type { PeriodKind, ReportChoices } from './reportChoices';

interface ReportChoicesFormProps {
  choices: ReportChoices;
  onChange: (next: ReportChoices) => void;
  years: BudgetYear[];
  /** a unit worker sees their own unit only: no unit filter */
  showUnitFilter: boolean;
  problem: string | null;
}

const ALL = '';

/**
 * On a phone every choice takes the screen's width, one under the other; on a wider screen they sit
 * in a row, lowered to the period's buttons below their caption.
 */
const wide = { width: { xs: '100%', sm: 'auto' }, mt: { xs: 0, sm: 2 } } as const;

/** The period (a budget year or dates), the groupings and the filters of the spending report. */
export const ReportChoicesForm = ({ choices, onChange, years, showUnitFilter, problem }: ReportChoicesFormProps) => {
  const translate = useTranslate();
  const { choices: categories } = useCategoryChoices(false);
  const { data: units } = useGetList<Unit>(
    'units',
    { pagination: { page: 1, perPage: 100 }, sort: { field: 'code', order: 'ASC' } },
    { enabled: showUnitFilter },
  );
  const set = (patch: Partial<ReportChoices>) => onChange({ ...choices, ...patch });
  const invalidDates = problem === 'app.reports.invalid_period';
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
        <Box sx={{ width: { xs: '100%', sm: 'auto' } }}>
          <Typography variant="caption" color="text.secondary" component="div" id="period-kind-label">
            {translate('app.reports.period')}
          </Typography>
          <ToggleButtonGroup
            size="small"
            exclusive
            value={choices.period}
            aria-labelledby="period-kind-label"
            onChange={(_event, value: PeriodKind | null) => value && set({ period: value })}
          >
            <ToggleButton value="year">{translate('app.reports.period_year')}</ToggleButton>
            <ToggleButton value="dates">{translate('app.reports.period_dates')}</ToggleButton>
          </ToggleButtonGroup>
        </Box>
        {choices.period === 'year' ? (
          <SmallSelect
            id="report-year"
            label={translate('app.reports.year')}
            value={choices.year && years.some((y) => y.year === choices.year) ? String(choices.year) : ''}
            onChange={(value) => set({ year: Number(value) })}
            options={years.map((y) => ({ value: String(y.year), label: y.year }))}
            sx={{ ...wide, minWidth: 160 }}
            testId="report-year"
          />
        ) : (
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={wide}>
            <TextField
              fullWidth={false}
              size="small"
              type="date"
              label={translate('app.reports.from')}
              value={choices.from ?? ''}
              onChange={(event) => set({ from: event.target.value || undefined })}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <TextField
              fullWidth={false}
              size="small"
              type="date"
              label={translate('app.reports.to')}
              value={choices.to ?? ''}
              onChange={(event) => set({ to: event.target.value || undefined })}
              error={invalidDates}
              helperText={invalidDates ? translate('app.reports.invalid_period') : undefined}
              slotProps={{ inputLabel: { shrink: true } }}
            />
          </Stack>
        )}
        <FormControl size="small" fullWidth={false} sx={{ ...wide, minWidth: 260 }}>
          <InputLabel id="report-group-by-label" shrink>
            {translate('app.reports.group_by')}
          </InputLabel>
          <Select<Grouping[]>
            labelId="report-group-by-label"
            label={translate('app.reports.group_by')}
            notched
            multiple
            value={choices.groupBy}
            onChange={(event) => {
              const value = event.target.value;
              set({ groupBy: (typeof value === 'string' ? value.split(',') : value) as Grouping[] });
            }}
            renderValue={(selected) =>
              selected.length === 0 ? (
                <Typography variant="body2" color="text.secondary" component="span">
                  {translate('app.reports.no_grouping')}
                </Typography>
              ) : (
                <Stack direction="row" spacing={0.5} component="span">
                  {selected.map((g) => (
                    <Chip key={g} size="small" label={translate(`app.reports.groupings.${g}`)} />
                  ))}
                </Stack>
              )
            }
            displayEmpty
            inputProps={{ 'data-testid': 'report-group-by' }}
          >
            {GROUPINGS.map((g) => (
              <MenuItem key={g} value={g}>
                <Checkbox size="small" checked={choices.groupBy.includes(g)} sx={{ py: 0 }} />
                <ListItemText primary={translate(`app.reports.groupings.${g}`)} />
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        {showUnitFilter && (
          <SmallSelect
            id="report-unit"
            label={translate('app.reports.unit')}
            all={translate('app.reports.all_units')}
            value={choices.unitId ?? ALL}
            onChange={(value) => set({ unitId: value || undefined })}
            options={(units ?? []).map((unit) => ({ value: unit.id, label: `${unit.code} – ${unit.name}` }))}
            sx={{ ...wide, minWidth: 220 }}
          />
        )}
        <SmallSelect
          id="report-category"
          label={translate('app.reports.category')}
          all={translate('app.reports.all_categories')}
          value={choices.categoryCode ?? ALL}
          onChange={(value) => set({ categoryCode: value || undefined })}
          options={categories.map((category) => ({ value: category.id, label: category.name }))}
          sx={{ ...wide, minWidth: 220 }}
        />
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {translate(choices.period === 'year' ? 'app.reports.period_hint_year' : 'app.reports.period_hint_dates')}
      </Typography>
    </Stack>
  );
};
