import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  DeleteButton,
  EditButton,
  NumberField,
  Show,
  SimpleShowLayout,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CodeField } from '../common/CodeField';
import { DateTimeField } from '../common/DateTimeField';
import { IsoDateField } from '../common/IsoDateField';
import type { GuidelineRecord } from '../types';
import { CategoryRulesTable } from './CategoryRulesTable';
import { GuidelineCloneButton } from './GuidelineCloneButton';
import { GuidelineStatusField } from './guidelineStatus';
import { PublishButton } from './PublishButton';
import { RetireButton } from './RetireButton';

const DraftOnly = ({ children }: { children: ReactNode }) => {
  const record = useRecordContext<GuidelineRecord>();
  return record?.status === 'draft' ? <>{children}</> : null;
};

const GuidelineActions = () => (
  <TopToolbar>
    <DraftOnly>
      <EditButton />
    </DraftOnly>
    <PublishButton />
    <RetireButton />
    <GuidelineCloneButton />
    <DraftOnly>
      <DeleteButton mutationMode="pessimistic" redirect="list" />
    </DraftOnly>
  </TopToolbar>
);

// `label={false}`: SimpleShowLayout draws no label above it; it has its own heading.
const Limits = (_props: { label: false }) => {
  const translate = useTranslate();
  return (
    // `contain`: a wide table scrolls within the page instead of widening it
    <Box sx={{ width: '100%', overflowX: 'auto', contain: 'inline-size' }}>
      <Typography variant="subtitle1" sx={{ mt: 1, mb: 1 }}>
        {translate('app.guidelines.categories')}
      </Typography>
      <CategoryRulesTable />
    </Box>
  );
};

export const GuidelineShow = () => (
  <Show actions={<GuidelineActions />}>
    <SimpleShowLayout>
      <CodeField source="version" />
      <GuidelineStatusField source="status" />
      <IsoDateField source="effectiveFrom" />
      <NumberField source="minAge" />
      <NumberField source="maxCourseMonths" />
      <DateTimeField source="publishedAt" emptyText="–" />
      <Limits label={false} />
    </SimpleShowLayout>
  </Show>
);
