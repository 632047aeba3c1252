import { Foundation1795300000000 } from './1795300000000-Foundation.js';
import { CasesGuidelinesApplications1795300100000 } from './1795300100000-CasesGuidelinesApplications.js';
import { Ledger1795300300000 } from './1795300300000-Ledger.js';
import { SecondFactorAndThrottle1795300420000 } from './1795300420000-SecondFactorAndThrottle.js';
import { EncryptNarratives1795300500000 } from './1795300500000-EncryptNarratives.js';
import { AttachmentsInDatabase1795300600000 } from './1795300600000-AttachmentsInDatabase.js';
import { AuditChain1795300700000 } from './1795300700000-AuditChain.js';
import { Retention1795300800000 } from './1795300800000-Retention.js';
import { CategoryNamesPerLanguage1795301000000 } from './1795301000000-CategoryNamesPerLanguage.js';
import { PaymentInstructions1795301100000 } from './1795301100000-PaymentInstructions.js';
import { ListIndexes1795301200000 } from './1795301200000-ListIndexes.js';
import { LedgerSummaries1795301300000 } from './1795301300000-LedgerSummaries.js';
import { EncryptionKeyRegistry1795301400000 } from './1795301400000-EncryptionKeyRegistry.js';
import { SetBasedPaymentTrigger1795301500000 } from './1795301500000-SetBasedPaymentTrigger.js';
import { PaymentCounts1795301600000 } from './1795301600000-PaymentCounts.js';
import { Notifications1795301700000 } from './1795301700000-Notifications.js';
import { AdmissionReviews1795400000000 } from './1795400000000-AdmissionReviews.js';
import { AdviceRequests1795400100000 } from './1795400100000-AdviceRequests.js';
import { CaseTransfers1795400200000 } from './1795400200000-CaseTransfers.js';
import { FinnishLanguage1795400300000 } from './1795400300000-FinnishLanguage.js';
import { ConsentPerParty1795400500000 } from './1795400500000-ConsentPerParty.js';
import { NotificationEventsOfIssue141795400600000 } from './1795400600000-NotificationEventsOfIssue14.js';
import { ApplicationAccessParties1795400700000 } from './1795400700000-ApplicationAccessParties.js';
import { AuditChainHead1795400800000 } from './1795400800000-AuditChainHead.js';

/** Every migration, oldest first. Listed by hand so the build and the tests load the same set. */
export const migrations = [
  Foundation1795300000000,
  CasesGuidelinesApplications1795300100000,
  Ledger1795300300000,
  SecondFactorAndThrottle1795300420000,
  EncryptNarratives1795300500000,
  AttachmentsInDatabase1795300600000,
  AuditChain1795300700000,
  Retention1795300800000,
  CategoryNamesPerLanguage1795301000000,
  PaymentInstructions1795301100000,
  ListIndexes1795301200000,
  LedgerSummaries1795301300000,
  EncryptionKeyRegistry1795301400000,
  SetBasedPaymentTrigger1795301500000,
  PaymentCounts1795301600000,
  Notifications1795301700000,
  AdmissionReviews1795400000000,
  AdviceRequests1795400100000,
  CaseTransfers1795400200000,
  FinnishLanguage1795400300000,
  ConsentPerParty1795400500000,
  NotificationEventsOfIssue141795400600000,
  ApplicationAccessParties1795400700000,
  AuditChainHead1795400800000,
];
