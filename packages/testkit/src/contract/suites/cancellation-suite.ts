import { expect, it } from 'vitest';
import { isAbortError } from '../../inspect/abort-error';
import type { Harness } from '../harness';
import { simpleEntry } from './idempotency-suite';

/**
 * Cancellation through `ctx.signal`: an already-aborted signal and an abort while the ERP is still
 * answering both make `postEntry` reject with the signal's reason / an `AbortError`, and nothing is
 * booked. (The per-test timeout bounds "promptly".)
 */
export function cancellationSuite<Config>(h: Harness<Config>): void {
  it('rejects at once on an already-aborted signal and books nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await h.rejection(
      h.connector().postEntry(h.ctx({ signal: controller.signal }), simpleEntry(h)),
    );
    expect(isAbortError(error, controller.signal), `expected an abort, got ${String(error)}`).toBe(true);
    expect(await h.options.erp.listDocuments()).toEqual([]);
    expect(await h.options.erp.writeCount()).toBe(0);
  });

  it('rejects when aborted mid-request and books nothing', async () => {
    const controller = new AbortController();
    // The ERP hangs (timeout fault), so only the abort can end the call before the connector's own timeout.
    h.options.erp.injectFault({ kind: 'timeout' });
    const abort = () => {
      if (!controller.signal.aborted) controller.abort();
    };
    let stop = () => {};
    if (h.options.erp.handlers.length > 0) {
      stop = h.onRequestStart(() => setImmediate(abort));
      const fallback = setTimeout(abort, 200);
      const unsubscribe = stop;
      stop = () => {
        unsubscribe();
        clearTimeout(fallback);
      };
    } else {
      setImmediate(abort);
    }
    try {
      const error = await h.rejection(
        h.connector().postEntry(h.ctx({ signal: controller.signal }), simpleEntry(h)),
      );
      expect(controller.signal.aborted).toBe(true);
      expect(isAbortError(error, controller.signal), `expected an abort, got ${String(error)}`).toBe(true);
    } finally {
      stop();
    }
    expect(await h.options.erp.listDocuments()).toEqual([]);
  });
}
