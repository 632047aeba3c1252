import { DashboardGrid } from './DashboardCard';
import { ExportsCard } from './ExportsCard';
import { PaymentsByMonthCard } from './PaymentsByMonthCard';
import { PaymentsDueCard } from './PaymentsDueCard';
import { PoolCard } from './PoolCard';

/** Finance's home: what is due for payment, what was paid month by month, the pool, and the usual files. */
export const FinanceDashboard = () => (
  <DashboardGrid>
    <PaymentsDueCard />
    <PoolCard />
    <ExportsCard />
    <PaymentsByMonthCard />
  </DashboardGrid>
);
