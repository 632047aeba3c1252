import type { ReactNode } from 'react';
import { List, ListItemButton, ListItemText } from '@mui/material';
import { RecordContextProvider, useCreatePath } from 'react-admin';
import { Link } from 'react-router-dom';
import { UnitAndCategory } from '../applications/ApplicationPhoneList';
import { ReferenceHeadline } from '../common/InlineFields';
import type { Application } from '../types';

/**
 * One application in a dashboard card on a phone, where ApplicationRow's table would not fit: the whole
 * item a link to its page, `lead` and the reference with `aside` on the right, then unit and category,
 * then the card's own `children`.
 */
export const ApplicationItem = ({
  record,
  lead,
  aside,
  children,
}: {
  record: Application;
  lead?: ReactNode;
  aside?: ReactNode;
  children?: ReactNode;
}) => {
  const createPath = useCreatePath();
  return (
    <RecordContextProvider value={record}>
      <ListItemButton
        component={Link}
        to={createPath({ resource: 'applications', id: record.id, type: 'show' })}
        divider
        sx={{ px: 0 }}
      >
        <ListItemText
          primary={<ReferenceHeadline lead={lead} aside={aside} />}
          secondary={
            <>
              <UnitAndCategory unit />
              {children}
            </>
          }
        />
      </ListItemButton>
    </RecordContextProvider>
  );
};

/** The items of a dashboard card on a phone. */
export const ApplicationItems = ({ children }: { children: ReactNode }) => (
  <List dense disablePadding>
    {children}
  </List>
);
