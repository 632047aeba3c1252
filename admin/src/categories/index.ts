import CategoryIcon from '@mui/icons-material/Category';
import type { Category } from '../types';
import { CategoryCreate } from './CategoryCreate';
import { CategoryEdit } from './CategoryEdit';
import { CategoryList } from './CategoryList';
import { CategoryShow } from './CategoryShow';

export default {
  list: CategoryList,
  show: CategoryShow,
  edit: CategoryEdit,
  create: CategoryCreate,
  icon: CategoryIcon,
  recordRepresentation: (category: Category) => category.name,
};
