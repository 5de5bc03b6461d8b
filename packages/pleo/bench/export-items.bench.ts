/**
 * Client throughput benchmark: streams N export items through `listExportItems` from a loopback
 * node:http server that answers like `GET /v3/export-items` (pre-serialised pages of `limit`
 * items, cursor pagination), so the figure is the client's own cost: HTTP, JSON parsing and per-item
 * zod validation. Also measures bare `exportItemV3Schema.safeParse` throughput. Prints one JSON
 * line per measurement:
 *   {"bench":"pleo.listExportItems","items":N,"pageSize":100,"itemsPerSecond":…,"rssGrowthMb":…}
 *   {"bench":"pleo.exportItemV3Schema","items":N,"itemsPerSecond":…}
 *
 * Run: pnpm --filter @ledgerport/pleo bench    (BENCH_ITEMS=20000 BENCH_PAGE_SIZE=100 by default)
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPleoClient, exportItemV3Schema } from '@ledgerport/pleo';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 20_000);
const PAGE_SIZE = Number(process.env.BENCH_PAGE_SIZE ?? 100);
const API_KEY = 'bench-key';
const JOB_ID = randomUUID();
const COMPANY_ID = randomUUID();

function money(currency: string, value: number) {
  return { currency, value };
}

function exportItem(index: number) {
  const gross = 10_000 + ((index * 7919) % 500_000);
  const net = Math.round(gross / 1.25);
  const lines = index % 5 === 0 ? 3 : 1;
  return {
    _links: { web: { exportItem: `https://app.pleo.io/e/${index}` } },
    accountingEntryId: randomUUID(),
    companyId: COMPANY_ID,
    type: index % 3 === 0 ? 'out_of_pocket' : 'card_purchase',
    date: '2026-11-20T12:30:00Z',
    amount: { inSupplierCurrency: money('EUR', gross), inWalletCurrency: money('DKK', gross * 7) },
    note: `Frokost med kunde nr. ${index} — smørrebrød på café Ørsted`,
    files: [{ url: `https://files.example/${index}.pdf`, type: 'application/pdf', size: 20_480 }],
    supplier: {
      name: 'Café Ørsted',
      code: null,
      account: null,
      categoryCode: '5814',
      country: 'DK',
      taxIdentifier: null,
    },
    vendor: null,
    bookkeeping: { method: 'journal' },
    contraAccount: { id: randomUUID(), name: 'Pleo DKK Account', code: '5820', identifier: null },
    user: { id: randomUUID(), name: 'Søren Ægidius', code: 'E-1' },
    team: { id: randomUUID(), name: 'Sales', code: 'S' },
    additionalInformation: {
      reconciliationId: `BOOK-${index}`,
      attendees: ['Jürgen Müller'],
      reconciledEntries: null,
    },
    accountingEntryLines: Array.from({ length: lines }, () => ({
      accountingEntryLineId: randomUUID(),
      lineAmount: { inSupplierCurrency: money('EUR', gross), inWalletCurrency: money('DKK', gross * 7) },
      netAmount: { inSupplierCurrency: money('EUR', net), inWalletCurrency: money('DKK', net * 7) },
      account: { id: randomUUID(), name: 'Repræsentation', code: '2860', identifier: null },
      tags: [{ id: randomUUID(), code: 'P-7', groupCode: 'PROJECT' }],
      tax: {
        id: randomUUID(),
        code: 'I25',
        rate: 0.25,
        type: 'inclusive',
        amount: {
          inSupplierCurrency: money('EUR', gross - net),
          inWalletCurrency: money('DKK', (gross - net) * 7),
        },
      },
    })),
  };
}

const items = Array.from({ length: ITEMS }, (_, index) => exportItem(index));
const cursor = (offset: number) =>
  `OFS${String(offset).replace(/\d/g, (d) => 'ABCDEFGHIJ'[Number(d)] ?? 'A')}`;
const offsetOf = (value: string | null) =>
  value ? Number(value.slice(3).replace(/[A-J]/g, (c) => String(c.charCodeAt(0) - 65))) : 0;

const pages = new Map<number, string>();
for (let offset = 0; offset < ITEMS; offset += PAGE_SIZE) {
  const hasNextPage = offset + PAGE_SIZE < ITEMS;
  pages.set(
    offset,
    JSON.stringify({
      data: items.slice(offset, offset + PAGE_SIZE),
      pagination: {
        currentRequestPagination: { parameters: { job_id: [JOB_ID] }, limit: PAGE_SIZE },
        hasNextPage,
        hasPreviousPage: offset > 0,
        ...(hasNextPage ? { endCursor: cursor(offset + PAGE_SIZE) } : {}),
      },
    }),
  );
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const body = pages.get(offsetOf(url.searchParams.get('after')));
  response.writeHead(body ? 200 : 404, { 'content-type': 'application/json;charset=UTF-8' });
  response.end(body ?? '{"type":"EXPORT_NOT_FOUND"}');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const pleo = createPleoClient({ baseUrl, auth: { type: 'apiKey', apiKey: API_KEY } });
const rssBefore = process.memoryUsage().rss;
let peakRss = rssBefore;
let valid = 0;
const started = performance.now();
for await (const envelope of pleo.listExportItems({ jobId: JOB_ID, limit: PAGE_SIZE })) {
  if (envelope.valid) valid += 1;
  if (valid % PAGE_SIZE === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const seconds = (performance.now() - started) / 1000;
server.close();
if (valid !== ITEMS) throw new Error(`expected ${ITEMS} valid items, got ${valid}`);
console.log(
  JSON.stringify({
    bench: 'pleo.listExportItems',
    items: ITEMS,
    pageSize: PAGE_SIZE,
    seconds: Number(seconds.toFixed(3)),
    itemsPerSecond: Math.round(ITEMS / seconds),
    rssGrowthMb: Number(((peakRss - rssBefore) / 2 ** 20).toFixed(1)),
  }),
);

const raw = items.map((item) => JSON.parse(JSON.stringify(item)) as unknown);
const parseStarted = performance.now();
for (const item of raw)
  if (!exportItemV3Schema.safeParse(item).success) throw new Error('fixture failed the schema');
const parseSeconds = (performance.now() - parseStarted) / 1000;
console.log(
  JSON.stringify({
    bench: 'pleo.exportItemV3Schema',
    items: ITEMS,
    seconds: Number(parseSeconds.toFixed(3)),
    itemsPerSecond: Math.round(ITEMS / parseSeconds),
  }),
);
