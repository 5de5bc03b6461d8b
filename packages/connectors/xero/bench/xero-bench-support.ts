/**
 * What the Xero benchmarks share (this package's `xero-throughput.bench.ts` and the runner's
 * `apps/runner/bench/xero-lifecycle.bench.ts`): the theoretical ceiling and the starter of the fake's child
 * process (`xero-fake-process.ts`).
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { XeroFake } from '@ledgerport/connector-xero/testing';

/**
 * The theoretical ceiling: the shortest time `calls` requests can take under Xero's per-tenant limits,
 * whatever the client does — each call lasts `latencyMs`, at most `concurrency` run at once, and at most
 * `perWindow` start in any sliding `windowMs`. Greedy earliest-start schedule (optimal for equal
 * durations): start[k] = max(start[k − concurrency] + latency, start[k − perWindow] + window). Returns ms.
 */
export function idealMakespanMs(
  calls: number,
  latencyMs: number,
  concurrency: number,
  perWindow: number,
  windowMs: number,
): number {
  const starts: number[] = [];
  for (let k = 0; k < calls; k++) {
    let start = 0;
    if (k >= concurrency) start = Math.max(start, (starts[k - concurrency] ?? 0) + latencyMs);
    if (k >= perWindow) start = Math.max(start, (starts[k - perWindow] ?? 0) + windowMs);
    starts.push(start);
  }
  return calls === 0 ? 0 : (starts[calls - 1] ?? 0) + latencyMs;
}

/** What the fake counted since its last reset. */
export interface XeroFakeStats {
  readonly apiCalls: number;
  readonly httpCalls: number;
  readonly server429: number;
  readonly peakConcurrency: number;
  readonly specViolations: string[];
}

/** The fake as a benchmark sees it: in a child process (its own CPU), reached over loopback HTTP. */
export interface XeroFakeHandle {
  /** Its URLs and credentials (client id and secret, first refresh token). */
  readonly options: XeroFake['options'];
  /** Forgets documents, requests, rate windows and tokens issued. */
  reset(): Promise<void>;
  stats(): Promise<XeroFakeStats>;
  close(): Promise<void>;
}

/**
 * Forks `xero-fake-process.ts` with `latencyMs` per accounting call and Xero's windows divided by
 * `timeScale`, and resolves once it listens. IPC: `ready` → `reset` / `stats` / `close`.
 */
export async function startXeroFakeProcess(options: {
  readonly latencyMs: number;
  readonly timeScale: number;
}): Promise<XeroFakeHandle> {
  const child = fork(fileURLToPath(new URL('./xero-fake-process.ts', import.meta.url)), {
    env: { ...process.env, LATENCY_MS: String(options.latencyMs), TIME_SCALE: String(options.timeScale) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = async <T>(type: string): Promise<T> => {
    for (;;) {
      const [message] = (await once(child, 'message')) as [{ type: string } & T];
      if (message.type === type) return message;
    }
  };
  const ask = async <T>(type: string): Promise<T> => {
    const answer = next<T>(type);
    child.send({ type });
    return answer;
  };
  const { options: fakeOptions } = await next<{ options: XeroFake['options'] }>('ready');
  return {
    options: fakeOptions,
    reset: () => ask<object>('reset').then(() => undefined),
    stats: () => ask<XeroFakeStats>('stats'),
    async close() {
      child.send({ type: 'close' });
      await once(child, 'exit');
    },
  };
}
