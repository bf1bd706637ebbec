'use server';

import {
  readAvailabilityForForm,
  saveAvailabilityFromForm,
  type ReadOutcome,
  type SaveOutcome,
} from '@/lib/server/services/availability/availability-form';

export async function saveAvailabilityAction(token: string, input: unknown): Promise<SaveOutcome> {
  return saveAvailabilityFromForm(token, input);
}

export async function readAvailabilityAction(token: string, input: unknown): Promise<ReadOutcome> {
  return readAvailabilityForForm(token, input);
}
