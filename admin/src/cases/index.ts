import CaseIcon from '@mui/icons-material/FolderShared';
import type { Case } from '../types';
import { CaseCreate } from './CaseCreate';
import { CaseEdit } from './CaseEdit';
import { CaseList } from './CaseList';
import { CaseShow } from './CaseShow';

export default {
  list: CaseList,
  show: CaseShow,
  edit: CaseEdit,
  create: CaseCreate,
  icon: CaseIcon,
  recordRepresentation: (record: Case) => record.reference,
};
