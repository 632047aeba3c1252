import { Box, Button, Card, CardContent, CardHeader } from '@mui/material';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

interface DashboardCardProps {
  title: string;
  subheader?: ReactNode;
  /** a link in the card's corner, e.g. to the full list */
  link?: { to: string; label: string };
  /** takes the grid's whole width */
  wide?: boolean;
  children: ReactNode;
  testId?: string;
}

/** One tile of a dashboard: a title, a line of context, the content, and a way on. */
export const DashboardCard = ({ title, subheader, link, wide, children, testId }: DashboardCardProps) => (
  <Card
    variant="outlined"
    data-testid={testId}
    sx={{ gridColumn: wide ? '1 / -1' : undefined, display: 'flex', flexDirection: 'column', minWidth: 0 }}
  >
    <CardHeader
      title={title}
      subheader={subheader}
      slotProps={{ title: { variant: 'subtitle1', component: 'h2', fontWeight: 600 }, subheader: { variant: 'body2' } }}
      action={
        link ? (
          <Button component={Link} to={link.to} size="small" sx={{ whiteSpace: 'nowrap' }}>
            {link.label}
          </Button>
        ) : undefined
      }
      sx={{ pb: 0.5, '& .MuiCardHeader-action': { alignSelf: 'center', m: 0 } }}
    />
    <CardContent sx={{ flexGrow: 1, pt: 1 }}>{children}</CardContent>
  </Card>
);

/** The dashboard's tiles: two columns on a wide screen, one on a narrow one. */
export const DashboardGrid = ({ children }: { children: ReactNode }) => (
  <Box
    sx={{
      display: 'grid',
      gap: 2,
      gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'repeat(2, minmax(0, 1fr))' },
      alignItems: 'stretch',
      mb: 2,
    }}
  >
    {children}
  </Box>
);
