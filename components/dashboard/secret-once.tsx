'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import styles from './developers.module.css';

/** A key or signing secret right after it was made: shown this once, with a copy button. */
export function SecretOnce(props: { label: string; value: string }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.value);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className={styles.secret} data-testid="secret-once">
      <p className={styles.rowTitle}>{props.label}</p>
      <code className={styles.secretValue} data-testid="secret-value">
        {props.value}
      </code>
      <p className={styles.muted}>
        Copy it now and keep it somewhere safe: <strong>you won’t see it again</strong>. If it is
        lost, make a new one.
      </p>
      <div className={styles.controls}>
        <Button size="small" variant="primary" onClick={() => void copy()}>
          Copy
        </Button>
        <span role="status" className={styles.muted}>
          {copied === 'copied'
            ? 'Copied to the clipboard.'
            : copied === 'failed'
              ? 'Copying failed: select the text and copy it.'
              : ''}
        </span>
      </div>
    </div>
  );
}
