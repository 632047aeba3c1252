import { Box, Divider, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { useCategoryName } from '../common/categories';
import { useFormatMoney } from '../common/money';
import { usePhone } from '../common/usePhone';
import type { CategoryRulesRecord, GuidelineRecord } from '../types';

type Row = [label: string, value: (rules: CategoryRulesRecord) => ReactNode];

/** On a phone: one block a category, each rule's label above its value, instead of a column a category. */
const PhoneRules = ({
  categories,
  rows,
  name,
}: {
  categories: CategoryRulesRecord[];
  rows: Row[];
  name: (code: string) => string;
}) => {
  const translate = useTranslate();
  return (
    <Stack spacing={2} divider={<Divider flexItem />} data-testid="category-rules">
      {categories.map((rules) => (
        <Box key={rules.categoryCode}>
          <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>
            {name(rules.categoryCode)}
          </Typography>
          <Box
            component="dl"
            sx={{
              m: 0,
              display: 'grid',
              gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
              columnGap: 2,
              rowGap: 0.75,
            }}
          >
            {rows.map(([label, value]) => (
              <Box key={label} sx={{ display: 'contents' }}>
                <Typography component="dt" variant="body2" color="text.secondary">
                  {translate(label)}
                </Typography>
                <Typography component="dd" variant="body2" sx={{ m: 0, fontVariantNumeric: 'tabular-nums' }}>
                  {value(rules)}
                </Typography>
              </Box>
            ))}
          </Box>
        </Box>
      ))}
    </Stack>
  );
};

/** The per-category limits of a guideline version: one column per category, one row per rule. */
export const CategoryRulesTable = () => {
  const record = useRecordContext<GuidelineRecord>();
  const translate = useTranslate();
  const format = useFormatMoney();
  const categoryName = useCategoryName();
  const phone = usePhone();
  if (!record) return null;
  if (!record.categories?.length) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.guidelines.no_categories')}
      </Typography>
    );
  }
  const unit = (rules: CategoryRulesRecord, count: number) =>
    translate(`app.unit_labels.${rules.unitLabel}`, { smart_count: count });
  const list = (values: readonly string[], prefix: string) =>
    values.length ? values.map((value) => translate(`${prefix}.${value}`, { _: value })).join(', ') : '–';
  const yesNo = (value: boolean) => translate(value ? 'ra.boolean.true' : 'ra.boolean.false');
  const f = (field: string) => `resources.guidelines.fields.categories.${field}`;

  const rows: Row[] = [
    [f('maxPerApplication'), (r) => format(r.maxPerApplication)],
    [f('maxPerCase'), (r) => format(r.maxPerCase)],
    [
      f('maxUnitAmount'),
      (r) => translate('app.guidelines.per_unit', { amount: format(r.maxUnitAmount), unit: unit(r, 1) }),
    ],
    [f('maxUnitsPerApplication'), (r) => `${r.maxUnitsPerApplication} ${unit(r, r.maxUnitsPerApplication)}`],
    [f('secondApprovalAbove'), (r) => format(r.secondApprovalAbove)],
    [f('requiredDocuments'), (r) => list(r.requiredDocuments, 'app.attachment_kinds')],
    [f('allowedCaseStatuses'), (r) => list(r.allowedCaseStatuses, 'app.case_status')],
    [f('agreementRequired'), (r) => yesNo(r.agreementRequired)],
    [f('urgentMayPrecedeAgreement'), (r) => yesNo(r.urgentMayPrecedeAgreement)],
    [
      f('minSessionSpacingDays'),
      (r) =>
        r.minSessionSpacingDays ? translate('app.guidelines.days', { smart_count: r.minSessionSpacingDays }) : '–',
    ],
  ];

  if (phone) return <PhoneRules categories={record.categories} rows={rows} name={categoryName} />;
  return (
    <Table size="small" data-testid="category-rules" sx={{ '& td, & th': { verticalAlign: 'top' } }}>
      <TableHead>
        <TableRow>
          <TableCell />
          {record.categories.map((rules) => (
            <TableCell key={rules.categoryCode} sx={{ fontWeight: 600 }}>
              {categoryName(rules.categoryCode)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(([label, value]) => (
          <TableRow key={label}>
            <TableCell component="th" scope="row" sx={{ color: 'text.secondary', width: 240 }}>
              {translate(label)}
            </TableCell>
            {record.categories.map((rules) => (
              <TableCell key={rules.categoryCode} sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {value(rules)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
