'use client';

import { signOut } from 'next-auth/react';
import { Button } from '@/components/ui/button';

export function SignOutButton() {
  return (
    <Button size="small" onClick={() => void signOut({ callbackUrl: '/signin' })}>
      Sign out
    </Button>
  );
}
