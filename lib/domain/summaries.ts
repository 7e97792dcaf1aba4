import * as z from 'zod/mini';

/**
 * Loose views of entities that `status` summarises before their own issues define them fully:
 * they read the fields status needs and let every other field through.
 */
export const HandoffSummary = z.looseObject({
  id: z.optional(z.string()),
  status: z.optional(z.string()),
  agent: z.optional(z.string()),
  from: z.optional(z.string()),
  to: z.optional(z.string()),
  createdAt: z.optional(z.string()),
});
export type HandoffSummary = z.infer<typeof HandoffSummary>;

export const ConflictSummary = z.looseObject({
  id: z.optional(z.string()),
  path: z.optional(z.string()),
  field: z.optional(z.nullable(z.string())),
  status: z.optional(z.string()),
  createdAt: z.optional(z.string()),
});
export type ConflictSummary = z.infer<typeof ConflictSummary>;
