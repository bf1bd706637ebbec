import { index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { MemberRole } from '@/lib/contracts/members';
import { createdAt, idColumn, instant } from './columns';
import { organizations } from './organizations';

/** People who sign in to the dashboard; one row per email address, across organizations. */
export const users = pgTable(
  'users',
  {
    id: idColumn(),
    /** Lowercase. */
    email: text('email').notNull(),
    name: text('name'),
    emailVerified: instant('email_verified'),
    image: text('image'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_idx').on(t.email)],
);

/** A user's role in an organization: a user may belong to several. */
export const memberships = pgTable(
  'memberships',
  {
    id: idColumn(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<MemberRole>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('memberships_org_user_idx').on(t.organizationId, t.userId),
    index('memberships_user_idx').on(t.userId),
  ],
);

/** Google or Microsoft accounts linked to a user for signing in (next-auth). */
export const authAccounts = pgTable(
  'auth_accounts',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    expiresAt: integer('expires_at'),
    tokenType: text('token_type'),
    scope: text('scope'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('auth_accounts_provider_idx').on(t.provider, t.providerAccountId),
    index('auth_accounts_user_idx').on(t.userId),
  ],
);

/** Dashboard sessions (next-auth database sessions); the cookie's token is stored hashed. */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: idColumn(),
    /** SHA-256 of the session cookie's value, hex. */
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expires: instant('expires').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('auth_sessions_token_idx').on(t.tokenHash),
    index('auth_sessions_user_idx').on(t.userId),
  ],
);

/** One-time sign-in links (next-auth stores the token already hashed with the secret). */
export const authVerificationTokens = pgTable(
  'auth_verification_tokens',
  {
    identifier: text('identifier').notNull(),
    token: text('token').notNull(),
    expires: instant('expires').notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/**
 * Emails to a person rather than about a conversation (sign-in links, invitations): through the
 * email transport, and kept here so the development mailbox can show those it only recorded.
 */
export const accountEmails = pgTable(
  'account_emails',
  {
    id: idColumn(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    transport: text('transport').notNull(),
    status: text('status').$type<'SENT' | 'FAILED'>().notNull(),
    providerMessageId: text('provider_message_id'),
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [index('account_emails_to_idx').on(t.toAddress, t.id)],
);
