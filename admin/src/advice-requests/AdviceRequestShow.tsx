import { Box, Stack } from '@mui/material';
import { ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { CodeField } from '../common/CodeField';
import { DateTimeField } from '../common/DateTimeField';
import type { AdviceRequest } from '../types';
import { AdviceThread } from './AdviceThread';
import { AdviceStatusField, AskedAgoField, TopicField } from './adviceWords';
import { AnswerAdviceButton } from './AnswerAdviceButton';
import { CloseAdviceButton } from './CloseAdviceButton';

// the buttons wrap on a phone rather than run off the screen
const AdviceActions = () => (
  <TopToolbar sx={{ flexWrap: 'wrap', gap: 1 }}>
    <AnswerAdviceButton />
    <CloseAdviceButton />
  </TopToolbar>
);

const AdviceLayout = () => {
  const record = useRecordContext<AdviceRequest>();
  return (
    <Stack spacing={2} sx={{ p: { xs: 1, sm: 2 } }}>
      <SimpleShowLayout sx={{ p: 0 }}>
        <CodeField source="reference" />
        <ReferenceField source="caseId" reference="cases" link="show">
          <CodeField source="reference" />
        </ReferenceField>
        <ReferenceField source="unitId" reference="units" link={false} />
        <TopicField source="topic" />
        <AdviceStatusField source="status" />
        <TextField source="askedByName" />
        <DateTimeField source="createdAt" />
        <AskedAgoField source="ageDays" />
        {record?.answeredAt && <DateTimeField source="answeredAt" />}
        {record?.closedAt && <DateTimeField source="closedAt" />}
      </SimpleShowLayout>
      <Box>
        <AdviceThread />
      </Box>
    </Stack>
  );
};

export const AdviceRequestShow = () => (
  <Show actions={<AdviceActions />}>
    <AdviceLayout />
  </Show>
);
