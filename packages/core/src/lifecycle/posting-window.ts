import pLimit from 'p-limit';

/**
 * The posting limiter shared by every page of a run, and what the page loop needs to keep it full
 * without reading unboundedly far ahead:
 *
 * - {@link PostingWindow.limit} runs a group (one entry, or one `postEntries` batch) with at most
 *   `maxConcurrency` groups running at once, across page boundaries, and counts it as *queued* until it
 *   starts;
 * - {@link PostingWindow.track} follows a page's posting until it settled (the caller handles its errors);
 * - {@link PostingWindow.waitWhile} lets the loop wait for room: it re-checks its condition whenever a
 *   queued group starts, a tracked page settles or {@link PostingWindow.notify} is called.
 */
export interface PostingWindow {
  /** Runs `group` on the limiter; counted in {@link PostingWindow.queued} until it starts. */
  limit<T>(group: () => Promise<T>): Promise<T>;
  /** Groups waiting for a slot (queued, not yet started). */
  readonly queued: number;
  /** The limiter's number of slots (`manifest.maxConcurrency`, at least 1). */
  readonly slots: number;
  /** Follows one page's posting until it settles (fulfilled or rejected: the caller handles errors). */
  track(posting: Promise<void>): void;
  /** Wakes {@link PostingWindow.waitWhile} to re-check its condition (something else changed). */
  notify(): void;
  /** Resolves once `busy()` is false, re-checking it after every change. */
  waitWhile(busy: () => boolean): Promise<void>;
  /** Resolves once every tracked page's posting has settled (including pages tracked meanwhile). */
  drained(): Promise<void>;
}

/** Creates the run's {@link PostingWindow} with `maxConcurrency` slots. */
export function createPostingWindow(maxConcurrency: number): PostingWindow {
  const slots = Math.max(1, maxConcurrency);
  const limiter = pLimit(slots);
  const posting = new Set<Promise<void>>();
  let queued = 0;
  let wake: (() => void) | undefined;

  const notify = (): void => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };

  return {
    limit(group) {
      queued += 1;
      return limiter(() => {
        queued -= 1;
        notify();
        return group();
      });
    },
    get queued() {
      return queued;
    },
    slots,
    track(page) {
      posting.add(page);
      const settled = (): void => {
        posting.delete(page);
        notify();
      };
      page.then(settled, settled);
    },
    notify,
    async waitWhile(busy) {
      while (busy()) {
        await new Promise<void>((resolve) => {
          const previous = wake;
          wake = () => {
            previous?.();
            resolve();
          };
        });
      }
    },
    async drained() {
      while (posting.size > 0) await Promise.allSettled(posting);
    },
  };
}
