import { z } from 'zod';

/**
 * What the optional language model may answer about a reply the rules could not read (DESIGN §7).
 * Its output is parsed with this schema; anything else is ignored and the rules decide alone.
 * It names at most the number of a start the agent itself proposed, never a time.
 */
export const llmReadingSchema = z.object({
  intent: z.enum(['QUESTION', 'MORE_TIME', 'CANCEL', 'OPT_OUT', 'PICK', 'UNCLEAR']),
  /** PICK: the number (1-based) of the start in the agent's last proposal. */
  pick: z.number().int().min(1).max(10).nullish(),
  /** QUESTION: an answer taken only from the campaign's description and instructions, or null. */
  answer: z.string().trim().min(1).max(600).nullish(),
});
export type LlmReading = z.infer<typeof llmReadingSchema>;
