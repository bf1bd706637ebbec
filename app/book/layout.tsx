import type { Metadata } from 'next';

// A booking link is a private credential: keep its pages out of search engines.
export const metadata: Metadata = {
  robots: { index: false, follow: false, nocache: true },
  referrer: 'strict-origin-when-cross-origin',
};

export default function BookLayout({ children }: { children: React.ReactNode }) {
  return children;
}
