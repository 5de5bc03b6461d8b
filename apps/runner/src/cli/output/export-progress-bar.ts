import type { ExportProgressEvent } from '@ledgerport/core';
import cliProgress from 'cli-progress';

/** Live progress of one export job: items done (posted + failed) of the job's total, and the rate. */
export interface ExportProgressBar {
  /** Feed it core's `onProgress` events. */
  readonly onProgress: (event: ExportProgressEvent) => void;
  readonly counts: { posted: number; failed: number };
  stop(): void;
}

/**
 * A cli-progress bar on `stream` (stderr by default, so stdout keeps only results):
 * `Exporting |████░░| 40/64 items | 38 posted, 2 failed | 120.5 items/s`. On a stream that is not a
 * TTY it draws nothing (cli-progress' `noTTYOutput` is off) but still counts.
 */
export function createExportProgressBar(stream: NodeJS.WriteStream = process.stderr): ExportProgressBar {
  const bar = new cliProgress.SingleBar(
    {
      format: 'Exporting |{bar}| {value}/{total} items | {posted} posted, {failed} failed | {rate} items/s',
      stream,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  const counts = { posted: 0, failed: 0 };
  let startedAt = 0;
  let started = false;
  const payload = () => {
    const seconds = (performance.now() - startedAt) / 1_000;
    const done = counts.posted + counts.failed;
    return {
      posted: counts.posted,
      failed: counts.failed,
      rate: seconds > 0 ? (done / seconds).toFixed(1) : '0.0',
    };
  };
  return {
    counts,
    onProgress(event) {
      switch (event.type) {
        case 'job_started':
          startedAt = performance.now();
          started = true;
          bar.start(event.totalItems, 0, payload());
          break;
        case 'entry_posted':
          counts.posted += 1;
          if (started) bar.update(counts.posted + counts.failed, payload());
          break;
        case 'entry_failed':
          counts.failed += 1;
          if (started) bar.update(counts.posted + counts.failed, payload());
          break;
        case 'job_finished':
          if (started) bar.update(counts.posted + counts.failed, payload());
          break;
        default:
          break;
      }
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
