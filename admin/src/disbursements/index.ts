import DisbursementIcon from '@mui/icons-material/Payments';
import type { Disbursement } from '../types';
import { DisbursementList } from './DisbursementList';
import { DisbursementShow } from './DisbursementShow';

// Recorded on the grant's page (RecordPaymentButton), never here: no create, edit or delete.
export default {
  list: DisbursementList,
  show: DisbursementShow,
  icon: DisbursementIcon,
  recordRepresentation: (record: Disbursement) => `${record.applicationReference} · ${record.paidOn}`,
};
