import { loadXeroSpecValidator } from '@ledgerport/connector-xero/testing';
import { createXeroConnector } from '@ledgerport/connector-xero';
const v = await loadXeroSpecValidator();
// Build a body like the connector's
const line = (a: string, amt: number, tax?: string) => ({ LineAmount: amt, AccountCode: a, Description: 'Bench expense 1', ...(tax ? { TaxType: tax } : {}), Tracking: [{ Name: 'Region', Option: 'North' }] });
const mj = { Narration: 'Bench expense 1 bench-1', Date: '2026-11-20', LineAmountTypes: 'Inclusive', Status: 'POSTED', Url: 'https://app.pleo.io/export/bench-1', ShowOnCashBasisReports: true, JournalLines: [line('493', 120, 'INPUT2'), line('090', -120)] };
const body = { ManualJournals: Array.from({ length: 50 }, () => structuredClone(mj)) };
const text = JSON.stringify(body);
console.log('bytes', text.length);
const req = () => ({ method: 'PUT', path: '/ManualJournals', query: { summarizeErrors: 'false' }, headers: { 'xero-tenant-id': 'x', 'content-type': 'application/json', 'idempotency-key': 'k', authorization: 'Bearer x' }, body: JSON.parse(text) });
for (let i = 0; i < 50; i++) v.checkRequest('accounting', req());
let t = performance.now();
for (let i = 0; i < 200; i++) JSON.parse(text);
console.log('parse ms', (performance.now() - t) / 200);
t = performance.now();
for (let i = 0; i < 200; i++) v.checkRequest('accounting', req());
console.log('parse+check ms', (performance.now() - t) / 200);
