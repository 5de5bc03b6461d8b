import { JobError } from '@ledgerport/core';

/**
 * The job-level error for a file-system failure in the output directory (missing, not writable, disk
 * full): `JobError('invalid_configuration', field 'outputDirectory')` naming the directory, the errno
 * code (`ENOENT`, `EACCES`, `ENOSPC`, … or `unknown`) and the fix. The original error is kept as
 * `cause` (never its message, which may hold other paths).
 */
export function outputDirectoryError(error: unknown, outputDirectory: string): JobError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'unknown';
  return new JobError(
    'invalid_configuration',
    `outputDirectory "${outputDirectory}" cannot be used (${code}): create it and make it writable for Ledgerport.`,
    { field: 'outputDirectory', cause: error },
  );
}
