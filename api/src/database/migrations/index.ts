import { Foundation1795300000000 } from './1795300000000-Foundation.js';

/** Every migration, oldest first. Listed by hand so the build and the tests load the same set. */
export const migrations = [Foundation1795300000000];
