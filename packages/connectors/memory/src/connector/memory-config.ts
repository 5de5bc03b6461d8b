import { z } from 'zod';

/**
 * Per-company configuration of the memory connector:
 * - `ledgerName`: which in-memory ledger to book into (lower-case letters, digits and dashes, e.g. `demo`);
 * - `apiKey`: the ledger's API key (a secret: listed in `secretFields`, redacted from logs and errors).
 */
export const memoryConfigSchema = z.object({
  ledgerName: z
    .string({ error: 'ledgerName is required: the name of the in-memory ledger, e.g. "demo".' })
    .regex(/^[a-z0-9][a-z0-9-]*$/, {
      error: 'ledgerName must use lower-case letters, digits and dashes, e.g. "demo".',
    }),
  apiKey: z
    .string({ error: 'apiKey is required: the API key of the in-memory ledger (at least 8 characters).' })
    .min(8, { error: 'apiKey must be at least 8 characters long.' }),
});

/** Parsed configuration of the memory connector. */
export type MemoryConfig = z.infer<typeof memoryConfigSchema>;
