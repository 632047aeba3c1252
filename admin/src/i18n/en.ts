import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

// Messages of the application itself; da.ts must have exactly these keys.
const app = {
  title: 'Exit Pool',
  subtitle: 'Grant administration of the national exit pool',
  auth: {
    invalid_credentials: 'Wrong email or password.',
    unreachable: 'The server cannot be reached. Check your connection and try again.',
    too_many_attempts: 'Too many sign-in attempts. Wait a few minutes and try again.',
    too_many_attempts_wait:
      'Too many sign-in attempts. Try again in 1 minute. |||| Too many sign-in attempts. Try again in %{smart_count} minutes.',
  },
  error: {
    too_many_requests: 'Too many requests. Wait a moment and try again.',
  },
  roles: {
    unit_worker: 'Unit worker',
    contact_point: 'Contact point',
    finance: 'Finance',
    admin: 'Administrator',
  },
  dashboard: {
    welcome: 'Welcome, %{name}',
    role: 'Role',
    unit: 'Unit',
    national: 'National (all units)',
    intro: {
      unit_worker:
        "Register your unit's pseudonymous cases, apply for grants from the exit pool and follow their payment.",
      contact_point:
        "Review the units' applications against the guidelines, decide on grants and keep the pool in balance.",
      finance: 'Pay out granted money, record refunds and report spending per unit, category and period.',
      admin: 'Manage users, exit units and grant categories. Case narratives are not visible to this role.',
    },
  },
  validation: {
    unit_code: 'Two to five capital letters, e.g. KBH',
    category_code: 'Lowercase letters, digits and underscores, e.g. tattoo_removal',
    password_length: 'At least 12 characters',
    unit_required: 'A unit worker must belong to an exit unit',
  },
  helper: {
    code_fixed: 'The code is part of references and cannot be changed',
    new_password: 'Leave empty to keep the current password',
    unit_only_for_unit_workers: 'Only unit workers belong to an exit unit',
  },
  users: {
    new_password: 'New password',
  },
  audit: {
    system: 'System',
  },
};

export type AppMessages = typeof app;

export const en: TranslationMessages = {
  ...englishMessages,
  app,
  resources: {
    units: {
      name: 'Exit unit |||| Exit units',
      fields: {
        id: 'Id',
        code: 'Code',
        name: 'Name',
        active: 'Active',
      },
    },
    users: {
      name: 'User |||| Users',
      fields: {
        id: 'Id',
        email: 'Email',
        displayName: 'Display name',
        role: 'Role',
        unitId: 'Exit unit',
        active: 'Active',
        password: 'Password',
      },
    },
    categories: {
      name: 'Category |||| Categories',
      fields: {
        id: 'Id',
        code: 'Code',
        name: 'Name',
        active: 'Active',
      },
    },
    'audit-events': {
      name: 'Audit event |||| Audit log',
      fields: {
        id: 'Id',
        at: 'Time',
        actorId: 'User',
        action: 'Action',
        entityType: 'Record type',
        entityId: 'Record id',
      },
    },
  },
};
