import { Box } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { CodeField } from './CodeField';

// The pieces of the phone lists (SimpleList items) of every resource.

/** "Requested DKK 5,000.00": a field's label before its value, kept on one line so a phone wraps between pairs. */
export const InlineField = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
      {translate(label)} {children}
    </Box>
  );
};

/** Pairs of label and value, a dot between them, wrapping as the screen needs. */
export const InlineFields = ({ children }: { children: ReactNode }) => (
  <Box
    component="span"
    sx={{
      display: 'flex',
      flexWrap: 'wrap',
      columnGap: 0.75,
      '& > * + *::before': { content: '"·"', marginRight: 0.75 },
    }}
  >
    {children}
  </Box>
);

/** A record's reference on the left after `lead` (an urgent mark), its status or main figure (`aside`) on the right. */
export const ReferenceHeadline = ({ lead, aside }: { lead?: ReactNode; aside?: ReactNode }) => (
  <Box
    component="span"
    sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 1 }}
  >
    <Box component="span" sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
      {lead}
      <CodeField source="reference" />
    </Box>
    {aside}
  </Box>
);
