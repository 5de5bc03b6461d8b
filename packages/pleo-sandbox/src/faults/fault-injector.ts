/**
 * Fault injection for resilience tests and benchmarks: answer matching requests with 429 (with
 * `Retry-After`), 500 or 503 a given number of times, and delay every request by `latencyMs`.
 */
import { SandboxApiError } from '../http/api-error';

/**
 * A fault rule. Without `method`/`path` it matches every request. The answer carries an
 * `ExceptionInfo` body (`TOO_MANY_REQUESTS`, `INTERNAL_SERVER_ERROR`, `SERVICE_UNAVAILABLE`), as the
 * Export API's error responses do (pleo-export-api.md §2.5).
 */
export interface FaultRule {
  /** HTTP status to answer with. */
  status: 429 | 500 | 503;
  /** How many matching requests fail; default 1. `Infinity` fails all of them. */
  times?: number;
  /** `Retry-After` seconds sent with the answer (default 1 for 429; none for 5xx unless given). */
  retryAfterSeconds?: number;
  /** HTTP method to match (case-insensitive). */
  method?: string;
  /** Path to match: a string matches the pathname exactly or as a prefix ending at `/`; a RegExp is tested against the pathname. */
  path?: string | RegExp;
}

/** The `faults` control of a sandbox. */
export interface FaultControl {
  /** Adds a rule; rules are tried in insertion order. @throws RangeError for a bad `times`/`retryAfterSeconds`. */
  inject(rule: FaultRule): void;
  /** Milliseconds every request is delayed before it is handled (0 = none). */
  latencyMs: number;
  /** Removes all rules and resets the latency. */
  clear(): void;
}

interface ActiveRule extends FaultRule {
  remaining: number;
}

const MESSAGES: Record<FaultRule['status'], [string, string]> = {
  429: ['TOO_MANY_REQUESTS', 'Rate limit exceeded. Retry after the number of seconds in Retry-After.'],
  500: ['INTERNAL_SERVER_ERROR', 'Internal server error (injected by the sandbox).'],
  503: ['SERVICE_UNAVAILABLE', 'Service unavailable (injected by the sandbox).'],
};

/** The fault injector. */
export class FaultInjector implements FaultControl {
  latencyMs = 0;
  private rules: ActiveRule[] = [];

  inject(rule: FaultRule): void {
    const times = rule.times ?? 1;
    if (!(times >= 1)) throw new RangeError(`faults.inject: times must be ≥ 1 or Infinity, got ${times}`);
    if (
      rule.retryAfterSeconds !== undefined &&
      !(Number.isInteger(rule.retryAfterSeconds) && rule.retryAfterSeconds >= 0)
    ) {
      throw new RangeError(
        `faults.inject: retryAfterSeconds must be an integer ≥ 0, got ${rule.retryAfterSeconds}`,
      );
    }
    this.rules.push({ ...rule, remaining: times });
  }

  clear(): void {
    this.rules = [];
    this.latencyMs = 0;
  }

  /** The error to answer `method path` with, consuming one use of the first matching rule. */
  take(method: string, pathname: string): SandboxApiError | undefined {
    const index = this.rules.findIndex((rule) => matches(rule, method, pathname));
    const rule = this.rules[index];
    if (!rule) return undefined;
    rule.remaining--;
    if (rule.remaining <= 0) this.rules.splice(index, 1);
    const [type, message] = MESSAGES[rule.status];
    const retryAfter = rule.retryAfterSeconds ?? (rule.status === 429 ? 1 : undefined);
    const headers: Record<string, string> =
      retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) };
    return new SandboxApiError(rule.status, type, message, headers);
  }
}

function matches(rule: FaultRule, method: string, pathname: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  if (rule.path === undefined) return true;
  if (rule.path instanceof RegExp) return rule.path.test(pathname);
  const prefix = rule.path.endsWith('/') ? rule.path : `${rule.path}/`;
  return pathname === rule.path || pathname.startsWith(prefix);
}
