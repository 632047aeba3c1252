import { Alert } from '@mui/material';
import { useWatch } from 'react-hook-form';
import { useTranslate } from 'react-admin';
import { useFormatMoney } from '../common/money';
import { useGuidelineInForce } from '../guidelines/useGuidelineInForce';
import type { CategoryRulesRecord } from '../types';

/** The chosen category's rules in the guideline version in force, if any. */
export const useCategoryRules = (): { version?: string; rules?: CategoryRulesRecord } => {
  const guideline = useGuidelineInForce();
  const categoryCode = useWatch({ name: 'categoryCode' }) as string | undefined;
  return {
    version: guideline?.version,
    rules: guideline?.categories.find((category) => category.categoryCode === categoryCode),
  };
};

/** The limits the application will be checked against, shown while it is written. */
export const GuidelineHint = () => {
  const { version, rules } = useCategoryRules();
  const translate = useTranslate();
  const format = useFormatMoney();
  if (!version || !rules) return null;
  const unit = translate(`app.unit_labels.${rules.unitLabel}`, { smart_count: 1 });
  const parts = [
    translate('app.applications.hint.per_application', { amount: format(rules.maxPerApplication) }),
    translate('app.applications.hint.per_unit', { amount: format(rules.maxUnitAmount), unit }),
    translate('app.applications.hint.units', {
      count: rules.maxUnitsPerApplication,
      units: translate(`app.unit_labels.${rules.unitLabel}`, { smart_count: rules.maxUnitsPerApplication }),
    }),
    ...(rules.minSessionSpacingDays
      ? [translate('app.applications.hint.spacing', { smart_count: rules.minSessionSpacingDays })]
      : []),
    ...(rules.requiredDocuments.length
      ? [
          translate('app.applications.hint.documents', {
            documents: rules.requiredDocuments.map((kind) => translate(`app.attachment_kinds.${kind}`)).join(', '),
          }),
        ]
      : []),
  ];
  return (
    <Alert severity="info" sx={{ mb: 2, width: '100%', boxSizing: 'border-box' }}>
      {translate('app.applications.hint.intro', { version })} {parts.join(' · ')}
    </Alert>
  );
};
