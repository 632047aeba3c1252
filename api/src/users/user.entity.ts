import { User } from '../auth/user.entity.js';

// the entity is authentication's (it holds the credentials); the users feature manages it
export { User };

/** A user as the API answers it: no hash, no secret, and whether the second factor is on. */
export type UserView = Omit<
  User,
  'passwordHash' | 'totpSecret' | 'totpPendingSecret' | 'totpLastStep' | 'totpEnabledAt'
> & {
  totpEnabled: boolean;
};

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    unitId: user.unitId,
    party: user.party,
    active: user.active,
    totpEnabled: user.totpEnabledAt !== null && user.totpEnabledAt !== undefined,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}
