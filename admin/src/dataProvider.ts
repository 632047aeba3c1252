import simpleRestProvider from 'ra-data-simple-rest';
import { httpClient } from './httpClient';

// The API follows the simple REST convention exactly (Content-Range, sort/range/filter).
export const dataProvider = simpleRestProvider('/api', httpClient);
