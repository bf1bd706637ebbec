import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { DashboardShell } from '@/components/dashboard/shell';
import { env } from '@/lib/env';
import { requirePageMember } from '@/lib/server/auth/dashboard-session';
import { switchOrganization } from './actions';

export const metadata: Metadata = {
  title: { default: 'Dashboard', template: '%s · Parley' },
  robots: { index: false, follow: false },
};

/** Every dashboard page: signed in, in one organization (DESIGN §9). */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  // The proxy says where the request was going, so signing in brings the person back there.
  const path = (await headers()).get('x-parley-path') ?? '/dashboard';
  const member = await requirePageMember(path.startsWith('/dashboard') ? path : '/dashboard');
  const items = [
    { href: '/dashboard', label: 'Overview' },
    { href: '/dashboard/conversations', label: 'Conversations' },
    { href: '/dashboard/meetings', label: 'Meetings' },
    { href: '/dashboard/campaigns', label: 'Campaigns' },
    { href: '/dashboard/templates', label: 'Meeting templates' },
    { href: '/dashboard/interviewers', label: 'Interviewers' },
    { href: '/dashboard/developers', label: 'Developers' },
    { href: '/dashboard/settings', label: 'Settings' },
    ...(env().RESEND_API_KEY ? [] : [{ href: '/dashboard/outbox', label: 'Outbox (development)' }]),
  ];
  return (
    <DashboardShell
      email={member.email}
      role={member.role}
      organizationId={member.organizationId}
      organizationName={member.organizationName}
      organizations={member.organizations}
      items={items}
      switchOrganization={switchOrganization}
    >
      {children}
    </DashboardShell>
  );
}
