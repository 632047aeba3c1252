import { Title, useGetIdentity } from 'react-admin';
import type { Identity } from '../types';
import { AdminDashboard } from './AdminDashboard';
import { ContactPointDashboard } from './ContactPointDashboard';
import { FinanceDashboard } from './FinanceDashboard';
import { UnitWorkerDashboard } from './UnitWorkerDashboard';
import { Welcome } from './Welcome';

/** Each role's home: a welcome line, then its own work and figures. */
export const Dashboard = () => {
  const { identity } = useGetIdentity();
  const user = identity as Identity | undefined;
  return (
    <>
      <Title title="ra.page.dashboard" />
      {user && (
        <>
          <Welcome user={user} />
          {user.role === 'unit_worker' && <UnitWorkerDashboard />}
          {user.role === 'contact_point' && <ContactPointDashboard />}
          {user.role === 'finance' && <FinanceDashboard />}
          {user.role === 'admin' && <AdminDashboard />}
        </>
      )}
    </>
  );
};
