import TransferIcon from '@mui/icons-material/MoveUp';
import type { CaseTransfer } from '../types';
import { CaseTransferList } from './CaseTransferList';
import { CaseTransferShow } from './CaseTransferShow';

export default {
  list: CaseTransferList,
  show: CaseTransferShow,
  icon: TransferIcon,
  recordRepresentation: (record: CaseTransfer) => record.caseReference,
};
