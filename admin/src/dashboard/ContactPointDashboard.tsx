import { OpenReviewsCard } from '../admission-reviews/OpenReviewsCard';
import { DashboardGrid } from './DashboardCard';
import { OpenAdviceCard } from './OpenAdviceCard';
import { PoolCard } from './PoolCard';
import { ProcessingCard } from './ProcessingCard';
import { ReviewQueueCard } from './ReviewQueueCard';
import { SpendingByCategoryCard, SpendingByUnitCard } from './SpendingCards';

/** The contact point's home: what waits for a decision or for advice, the pool, where the money goes, how fast decisions come. */
export const ContactPointDashboard = () => (
  <DashboardGrid>
    <ReviewQueueCard />
    <OpenAdviceCard />
    <OpenReviewsCard />
    <PoolCard />
    <SpendingByCategoryCard />
    <SpendingByUnitCard />
    <ProcessingCard />
  </DashboardGrid>
);
