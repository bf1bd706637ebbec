import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { AvailabilityForm } from '@/components/availability/availability-form';
import { loadAvailabilityPage } from '@/lib/server/services/availability/load-availability-page';
import { readAvailabilityAction, saveAvailabilityAction } from './actions';

export const metadata: Metadata = {
  title: 'Your interview times',
  // The link is the person's credential: keep it out of search engines.
  robots: { index: false, follow: false, nocache: true },
};

/** `/availability/{token}` (DESIGN §8): a hiring manager marks when they are free. */
export default async function AvailabilityPage(props: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await props.params;
  const data = await loadAvailabilityPage(token);
  if (!data) notFound();
  return (
    <AvailabilityForm
      token={token}
      name={data.name}
      organizationName={data.organizationName}
      timezone={data.timezone}
      dates={data.dates}
      saved={data.saved}
      savedAt={data.savedAt}
      waiting={data.waiting}
      save={saveAvailabilityAction}
      read={readAvailabilityAction}
    />
  );
}
