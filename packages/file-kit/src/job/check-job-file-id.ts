import { JobError } from '@ledgerport/core';

const FILE_SAFE_JOB_ID = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * Checks that a Pleo export job id can be part of a file name (1–100 characters of `A–Z a–z 0–9 _ -`;
 * Pleo job ids are UUIDs, Export API v3 `ExportJob.id`), because per-job file connectors name their
 * files after the job.
 *
 * @throws `JobError('validation_failure', field 'job.id')` when the id contains anything else.
 */
export function checkJobFileId(jobId: string): void {
  if (!FILE_SAFE_JOB_ID.test(jobId)) {
    throw new JobError(
      'validation_failure',
      `job id "${jobId.slice(0, 40)}" cannot be used in a file name.`,
      {
        field: 'job.id',
      },
    );
  }
}
