import * as z from 'zod/mini';

/**
 * The state format, stored at the root of the state tree as `maestro.json`.
 *
 * Format version log (bump when stored bytes change meaning; readers refuse newer formats):
 * - 1 (0.1.0): one JSON entity per file, canonical JSON; missions/, handoffs/, memory/, conflicts/.
 */
export const STATE_FORMAT = 1;
export const STATE_FORMAT_PATH = `maestro.json`;

export const StateFormat = z.object({format: z.number()});
export type StateFormat = z.infer<typeof StateFormat>;
