'use server';

import type { ReadOutcome, SaveOutcome } from '@/lib/contracts/availability-form';
import {
  readAvailabilityForForm,
  saveAvailabilityFromForm,
} from '@/lib/server/services/availability/availability-form';

export async function saveAvailabilityAction(token: string, input: unknown): Promise<SaveOutcome> {
  return saveAvailabilityFromForm(token, input);
}

export async function readAvailabilityAction(token: string, input: unknown): Promise<ReadOutcome> {
  return readAvailabilityForForm(token, input);
}
