/**
 * What a dashboard form action answers (useActionState): a message, and field errors keyed by the
 * same paths as the API's `details[].path` ("meetingConfiguration.duration").
 */
export type FormState = {
  status: 'idle' | 'ok' | 'error';
  message?: string;
  errors?: Record<string, string>;
  /** Something the page shows once, e.g. a new API key or webhook secret. */
  secret?: string;
};

export const idleForm: FormState = { status: 'idle' };
