import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { AvailabilityForm } from '@/components/availability/availability-form';
import { availabilityFormText } from '@/components/availability/form-text';
import { readAvailabilityAction, saveAvailabilityAction } from './actions';
import { loadPage as load } from './data';

type Params = { params: Promise<{ token: string }> };

export async function generateMetadata(props: Params): Promise<Metadata> {
  await connection();
  const data = await load((await props.params).token);
  return {
    // The document's own <title> element (not-found) must stay alone, so no layout template.
    title: `${availabilityFormText[data?.language ?? 'en'].pageTitle} · Parley`,
    // The link is the person's credential: keep it out of search engines.
    robots: { index: false, follow: false, nocache: true },
  };
}

/**
 * `/availability/{token}` (DESIGN §8): a hiring manager marks when they are free, in the language
 * of the campaigns waiting for them (the browser gets only that catalog).
 */
export default async function AvailabilityPage(props: Params) {
  await connection();
  const { token } = await props.params;
  const data = await load(token);
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
      language={data.language}
      text={availabilityFormText[data.language]}
    />
  );
}
