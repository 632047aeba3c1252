import type { MouseEvent, ReactNode } from 'react';
import { TableCell, TableRow } from '@mui/material';
import { Link, RecordContextProvider, useCreatePath } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { CategoryField } from '../common/CategoryField';
import { UnitCodeField } from '../common/CodeField';
import type { Application } from '../types';

export const numeric = { textAlign: 'right', whiteSpace: 'nowrap' } as const;

/**
 * One application in a dashboard table, the whole row a link to its page:
 * `lead` cells, then reference, unit and category, then the card's own cells.
 */
export const ApplicationRow = ({
  record,
  lead,
  children,
}: {
  record: Application;
  lead?: ReactNode;
  children: ReactNode;
}) => {
  const createPath = useCreatePath();
  const navigate = useNavigate();
  const path = createPath({ resource: 'applications', id: record.id, type: 'show' });
  return (
    <RecordContextProvider value={record}>
      <TableRow hover onClick={() => navigate(path)} sx={{ cursor: 'pointer' }}>
        {lead}
        <TableCell>
          <Link
            to={path}
            variant="body2"
            onClick={(event: MouseEvent) => event.stopPropagation()}
            sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}
          >
            {record.reference}
          </Link>
        </TableCell>
        <TableCell>
          <UnitCodeField />
        </TableCell>
        <TableCell>
          <CategoryField source="categoryCode" />
        </TableCell>
        {children}
      </TableRow>
    </RecordContextProvider>
  );
};
