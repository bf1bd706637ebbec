import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/bits';
import { Button } from '@/components/ui/button';
import type { MemberRole } from '@/lib/contracts/members';
import { NavLinks, type NavItem } from './nav-links';
import { SignOutButton } from './sign-out-button';
import styles from './dashboard.module.css';

type Props = {
  email: string;
  role: MemberRole;
  organizationId: string;
  organizationName: string;
  organizations: { id: string; name: string }[];
  items: NavItem[];
  /** The server action that switches the active organization. */
  switchOrganization: (form: FormData) => Promise<void>;
  children: ReactNode;
};

/** The dashboard's frame: skip link, sidebar (organization, sections, account), main column. */
export function DashboardShell(props: Props) {
  return (
    <div className={styles.shell}>
      <a href="#main" className={styles.skip}>
        Skip to content
      </a>
      <aside className={styles.sidebar}>
        <a href="/dashboard" className={styles.brand}>
          <svg width="26" height="26" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
            <rect width="64" height="64" rx="14" fill="#2f5bea" />
            <path
              d="M18 50V14h16a12 12 0 0 1 0 24H27v12z"
              fill="none"
              stroke="#fff"
              strokeWidth="7"
              strokeLinejoin="round"
            />
          </svg>
          Parley
        </a>
        {props.organizations.length > 1 ? (
          <form action={props.switchOrganization} className={styles.stack}>
            <label className={styles.muted} htmlFor="organization">
              Organization
            </label>
            <select
              id="organization"
              name="organizationId"
              defaultValue={props.organizationId}
              className={styles.select}
            >
              {props.organizations.map((org) => (
                <option key={org.id} value={org.id}>
                  {org.name}
                </option>
              ))}
            </select>
            <Button type="submit" size="small">
              Switch
            </Button>
          </form>
        ) : (
          <p className={styles.orgName}>{props.organizationName}</p>
        )}
        <NavLinks items={props.items} />
        <div className={styles.account}>
          <span className={styles.who}>
            {props.email} <Badge>{props.role.toLowerCase()}</Badge>
          </span>
          <SignOutButton />
        </div>
      </aside>
      <main id="main" className={styles.main} tabIndex={-1}>
        {props.children}
      </main>
    </div>
  );
}
