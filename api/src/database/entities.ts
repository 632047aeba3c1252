import { AuditEvent } from '../audit/audit-event.entity.js';
import { LoginAttempt } from '../auth/login-attempt.entity.js';
import { Session } from '../auth/session.entity.js';
import { Category } from '../categories/category.entity.js';
import { Unit } from '../units/unit.entity.js';
import { User } from '../users/user.entity.js';

export const entities = [Unit, User, Category, Session, LoginAttempt, AuditEvent];
