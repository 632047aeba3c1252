import { ROLES } from '../types';

/** Choices for SelectInput / SelectField; react-admin translates the names. */
export const roleChoices = ROLES.map((role) => ({ id: role, name: `app.roles.${role}` }));
