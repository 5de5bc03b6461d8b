/**
 * A stateful msw fake of the "Voucher API" implementing the testkit's `ErpFake`: vouchers keyed by
 * `Idempotency-Key`, Bearer auth, a chart of accounts, attachments, and injectable faults.
 */
import { delay, HttpResponse, http } from 'msw';
import { CANONICAL_CHART_OF_ACCOUNTS, type ErpDocument, type ErpFake, type ErpFault } from '../../src/index';
import { VOUCHER_API_URL } from './voucher-api-connector';

interface Voucher {
  id: string;
  currency: string;
  lines: { side: 'debit' | 'credit'; amountMinor: number }[];
  attachments: Map<string, { fileName: string; bytes: Uint8Array }>;
}

export function createVoucherApiFake(apiKey: string): ErpFake {
  const vouchers = new Map<string, Voucher>();
  let faults: { fault: ErpFault; remaining: number }[] = [];
  let writes = 0;

  /** Applies the next fault: returns a response to send, or `commit` for a lost-response write. */
  const nextFault = async (isWrite: boolean): Promise<Response | 'commit' | undefined> => {
    const head = faults[0];
    if (head === undefined) return undefined;
    const { fault } = head;
    if (fault.kind === 'timeout' && fault.afterCommit && !isWrite) return undefined;
    if (--head.remaining === 0) faults.shift();
    if (fault.kind === 'network') return HttpResponse.error();
    if (fault.kind === 'timeout') {
      if (fault.afterCommit) return 'commit';
      await delay('infinite');
    }
    if (fault.kind === 'http') {
      return HttpResponse.json(
        { error: `fault ${fault.status}` },
        {
          status: fault.status,
          headers:
            fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) },
        },
      );
    }
    return undefined;
  };
  const authorized = (request: Request) => request.headers.get('authorization') === `Bearer ${apiKey}`;

  const handlers = [
    http.get(`${VOUCHER_API_URL}/:org/accounts`, async ({ request }) => {
      const fault = await nextFault(false);
      if (fault instanceof Response) return fault;
      if (!authorized(request)) return HttpResponse.json({ error: 'unauthorized' }, { status: 401 });
      return HttpResponse.json({ accounts: CANONICAL_CHART_OF_ACCOUNTS });
    }),
    http.post(`${VOUCHER_API_URL}/:org/vouchers`, async ({ request }) => {
      writes++;
      const fault = await nextFault(true);
      if (fault instanceof Response) return fault;
      if (!authorized(request)) return HttpResponse.json({ error: 'unauthorized' }, { status: 401 });
      const key = request.headers.get('idempotency-key');
      if (key === null) return HttpResponse.json({ error: 'Idempotency-Key required' }, { status: 400 });
      const body = (await request.json()) as Pick<Voucher, 'currency' | 'lines'>;
      let voucher = vouchers.get(key);
      const created = voucher === undefined;
      if (voucher === undefined) {
        voucher = {
          id: `V-${vouchers.size + 1}`,
          currency: body.currency,
          lines: body.lines,
          attachments: new Map(),
        };
        vouchers.set(key, voucher);
      }
      if (fault === 'commit') await delay('infinite');
      return HttpResponse.json(
        { id: voucher.id, createdAt: '2026-11-02T08:00:00.000Z' },
        { status: created ? 201 : 200 },
      );
    }),
    http.post(`${VOUCHER_API_URL}/:org/vouchers/:id/attachments`, async ({ request, params }) => {
      writes++;
      const fault = await nextFault(true);
      if (fault instanceof Response) return fault;
      if (!authorized(request)) return HttpResponse.json({ error: 'unauthorized' }, { status: 401 });
      const voucher = [...vouchers.values()].find((v) => v.id === params.id);
      if (voucher === undefined) return HttpResponse.json({ error: 'no such voucher' }, { status: 404 });
      const bytes = new Uint8Array(await request.arrayBuffer());
      voucher.attachments.set(request.headers.get('idempotency-key') ?? String(voucher.attachments.size), {
        fileName: request.headers.get('x-file-name') ?? 'receipt',
        bytes,
      });
      return new HttpResponse(null, { status: 201 });
    }),
  ];

  return {
    handlers,
    reset() {
      vouchers.clear();
      faults = [];
      writes = 0;
    },
    async listDocuments(): Promise<ErpDocument[]> {
      return [...vouchers.values()].map((v) => ({
        externalId: v.id,
        currency: v.currency,
        debit: v.lines.filter((l) => l.side === 'debit').reduce((s, l) => s + l.amountMinor, 0),
        credit: v.lines.filter((l) => l.side === 'credit').reduce((s, l) => s + l.amountMinor, 0),
        attachments: [...v.attachments.values()],
      }));
    },
    async writeCount() {
      return writes;
    },
    injectFault(fault) {
      faults.push({ fault, remaining: fault.times ?? 1 });
    },
  };
}
