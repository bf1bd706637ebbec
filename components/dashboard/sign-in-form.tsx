'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { signInRequestSchema } from '@/lib/contracts/members';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import styles from './dashboard.module.css';

type Props = {
  callbackUrl: string;
  /** OAuth providers configured on this server (Google, Microsoft). */
  providers: { id: string; name: string }[];
};

/** Email for a magic link, or Google / Microsoft when the server has them. */
export function SignInForm({ callbackUrl, providers }: Props) {
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [isSending, setIsSending] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = signInRequestSchema.safeParse({ email });
    if (!parsed.success) {
      setError('Enter your work email address, such as jane@company.com.');
      return;
    }
    setError(undefined);
    setIsSending(true);
    // next-auth sends the link, then shows /signin/check-email.
    await signIn('email', { email: parsed.data.email, callbackUrl });
    setIsSending(false);
  };

  return (
    <>
      <form onSubmit={(event) => void onSubmit(event)} noValidate className={styles.stack}>
        <Field label="Work email" error={error}>
          {(control) => (
            <input
              {...control}
              type="email"
              name="email"
              autoComplete="email"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Button type="submit" variant="primary" aria-disabled={isSending}>
          {isSending ? 'Sending…' : 'Email me a sign-in link'}
        </Button>
      </form>
      {providers.length > 0 ? (
        <div className={styles.stack}>
          <p className={styles.divider}>or</p>
          {providers.map((provider) => (
            <Button key={provider.id} onClick={() => void signIn(provider.id, { callbackUrl })}>
              Continue with {provider.name}
            </Button>
          ))}
        </div>
      ) : null}
    </>
  );
}
