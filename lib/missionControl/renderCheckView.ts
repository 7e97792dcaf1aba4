import * as z from 'zod/mini';

/**
 * What `mission-control --render-check --json` prints (reference-handoff §11.8): one entry per
 * screen, `fail` with the reasons when a frame does not fit its size, shows `undefined` or `NaN`,
 * has a broken border or an empty body. Unlike the reference, a failure makes the exit code 1.
 */
export const RenderCheckView = z.object({
  screens: z.array(z.object({screen: z.string(), status: z.enum([`pass`, `fail`, `skip`]), size: z.string(), warnings: z.array(z.string())})),
  summary: z.object({total: z.number(), passed: z.number(), failed: z.number(), skipped: z.number()}),
});
export type RenderCheckView = z.infer<typeof RenderCheckView>;
