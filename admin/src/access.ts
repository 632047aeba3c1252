import type { Role } from './types';

// Who may do what in the admin UI. The API enforces the same rules; this table
// only decides what the UI offers (menu entries, buttons, routes).

export type Action = 'list' | 'show' | 'create' | 'edit' | 'delete';

const EVERYONE: readonly Role[] = ['unit_worker', 'contact_point', 'finance', 'admin'];
const ADMIN: readonly Role[] = ['admin'];
const UNIT: readonly Role[] = ['unit_worker'];
const CONTACT_POINT: readonly Role[] = ['contact_point'];
const FINANCE: readonly Role[] = ['finance'];
// Who sees the pool's payments: finance and the contact point all of them, a unit its own. Not the administrator.
const MONEY: readonly Role[] = ['unit_worker', 'contact_point', 'finance'];
// Those with a need to know the case narrative (thread, documents): never finance or admin.
const CASEWORK: readonly Role[] = ['unit_worker', 'contact_point'];

const rules: Record<string, Partial<Record<Action, readonly Role[]>>> = {
  units: { list: EVERYONE, show: EVERYONE, create: ADMIN, edit: ADMIN },
  categories: { list: EVERYONE, show: EVERYONE, create: ADMIN, edit: ADMIN },
  users: { list: ADMIN, show: ADMIN, create: ADMIN, edit: ADMIN },
  'audit-events': { list: ['admin', 'contact_point'], show: ['admin', 'contact_point'] },
  // Pseudonymous cases: the unit's own (the API keeps each unit to its own), read by the contact point.
  cases: { list: CASEWORK, show: CASEWORK, create: UNIT, edit: UNIT },
  guidelines: { list: EVERYONE, show: EVERYONE, create: CONTACT_POINT, edit: CONTACT_POINT, delete: CONTACT_POINT },
  // Everyone sees applications (finance and admin without narrative); only the unit writes them, and
  // nobody deletes one (the API answers 405: an application is withdrawn instead).
  // Workflow actions are not in this table: each application lists the ones its reader may take.
  applications: { list: EVERYONE, show: EVERYONE, create: UNIT, edit: UNIT },
  'application-messages': { list: CASEWORK },
  // Advice in concrete cases: asked by the unit on its case, answered by the contact point; narrative, so never finance or admin.
  'advice-requests': { list: CASEWORK, show: CASEWORK, create: UNIT },
  // A refused candidate's review: the unit asks, the contact point decides; no narrative for finance or admin.
  'admission-reviews': { list: CASEWORK, show: CASEWORK, create: UNIT },
  // Cases that move between units: the two units' workers and the contact point (the reasons are narrative).
  'case-transfers': { list: CASEWORK, show: CASEWORK },
  'case-units': { list: CASEWORK },
  // Quotes and invoices: finance reads them to pay; the unit uploads and deletes them while it may edit.
  attachments: { list: MONEY, create: UNIT, delete: UNIT },
  // The year's pool: read by everybody, opened, changed and closed by the contact point.
  'budget-years': { list: EVERYONE, show: EVERYONE, create: CONTACT_POINT, edit: CONTACT_POINT },
  // Payments are recorded by finance only (on the application's page) and never changed or deleted.
  disbursements: { list: MONEY, show: MONEY, create: FINANCE },
  // Not resources: menu entries and pages of applications waiting for someone.
  'review-queue': { list: CONTACT_POINT },
  'payments-due': { list: ['finance', 'contact_point'] },
  // The spending report, its files and the statistics: a unit worker gets their own unit's figures.
  reports: { list: MONEY },
  // Each user's own notifications (the API answers nobody else's), opened and marked read; never edited.
  notifications: { list: EVERYONE },
  // E-mails the outbox gave up on, for the administrator to retry.
  'email-deliveries': { list: ADMIN },
};

export const canAccess = (role: Role | undefined, resource: string, action: string): boolean =>
  role !== undefined && (rules[resource]?.[action as Action]?.includes(role) ?? false);
