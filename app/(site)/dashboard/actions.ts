'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { ACTIVE_ORGANIZATION_COOKIE, currentMember } from '@/lib/server/auth/dashboard-session';

const switchSchema = z.object({ organizationId: z.uuid() });

/** Shows another of the user's organizations (only one they belong to). */
export async function switchOrganization(form: FormData): Promise<void> {
  const member = await currentMember();
  if (!member) redirect('/signin');
  const parsed = switchSchema.safeParse({ organizationId: form.get('organizationId') });
  if (parsed.success && member.organizations.some((o) => o.id === parsed.data.organizationId)) {
    (await cookies()).set(ACTIVE_ORGANIZATION_COOKIE, parsed.data.organizationId, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      maxAge: 365 * 86_400,
    });
  }
  redirect('/dashboard');
}
