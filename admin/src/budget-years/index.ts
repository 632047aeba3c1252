import BudgetYearIcon from '@mui/icons-material/Savings';
import type { BudgetYear } from '../types';
import { BudgetYearCreate } from './BudgetYearCreate';
import { BudgetYearEdit } from './BudgetYearEdit';
import { BudgetYearList } from './BudgetYearList';
import { BudgetYearShow } from './BudgetYearShow';

export default {
  list: BudgetYearList,
  show: BudgetYearShow,
  edit: BudgetYearEdit,
  create: BudgetYearCreate,
  icon: BudgetYearIcon,
  recordRepresentation: (record: BudgetYear) => String(record.year),
};
