import jpeg from 'jpeg-js';
import { PDFDocument } from 'pdf-lib';
import pngjs from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPleoSandbox, type PleoSandbox, RECEIPT_URL_VALIDITY_MS } from '../src/index';
import { type ApiCall, apiCaller, basicAuth } from './helpers/http-client';

interface FileRef {
  url: string;
  type: string;
  size: number;
}

let sandbox: PleoSandbox;
let close: () => Promise<void>;
let call: ApiCall;
let jobId: string;

beforeAll(async () => {
  sandbox = createPleoSandbox({ manualClock: true, now: () => new Date('2025-04-01T08:00:00Z') });
  ({ close } = await sandbox.listen());
  const seeded = sandbox.seedCompany({ itemCount: 64 });
  jobId = seeded.jobId;
  call = apiCaller(sandbox.baseUrl, basicAuth(seeded.apiKey));
});
afterAll(() => close());

async function fetchFiles(): Promise<FileRef[]> {
  const page = await call('GET', `/v3/export-items?job_id=${jobId}&limit=1000`);
  return page.body.data.flatMap((item: { files: FileRef[] | null }) => item.files ?? []);
}

describe('receipt files', () => {
  it('serves real PDF, JPEG and PNG bytes whose type and size match the export item', async () => {
    const files = await fetchFiles();
    const types = new Set(files.map((file) => file.type));
    expect(types).toEqual(new Set(['application/pdf', 'image/jpeg', 'image/png']));
    const expires = Math.floor((Date.parse('2025-04-01T08:00:00Z') + RECEIPT_URL_VALIDITY_MS) / 1000);
    for (const type of types) {
      const file = files.find((f) => f.type === type)!;
      expect(file.url).toMatch(new RegExp(`^${sandbox.baseUrl}/files/[a-z0-9-]+\\?expires=${expires}$`));
      const response = await fetch(file.url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(bytes.byteLength).toBe(file.size);
      if (type === 'application/pdf') {
        const pdf = await PDFDocument.load(bytes);
        expect(pdf.getPageCount()).toBe(1);
      } else if (type === 'image/jpeg') {
        const image = jpeg.decode(bytes, { useTArray: true });
        expect([image.width, image.height]).toEqual([96, 160]);
      } else {
        const image = pngjs.PNG.sync.read(Buffer.from(bytes));
        expect([image.width, image.height]).toEqual([96, 160]);
      }
    }
  });

  it('a URL expires 24 h after the item was fetched (403); refetching the item issues a fresh URL', async () => {
    const [file] = await fetchFiles();
    sandbox.clock.advance(RECEIPT_URL_VALIDITY_MS);
    expect((await fetch(file!.url)).status).toBe(200);
    sandbox.clock.advance(1000);
    const expired = await fetch(file!.url);
    expect(expired.status).toBe(403);
    expect(((await expired.json()) as { type: string }).type).toBe('URL_EXPIRED');
    // The job would have expired too: start a new company for the refetch.
    const fresh = sandbox.seedCompany({ itemCount: 64 });
    const freshCall = apiCaller(sandbox.baseUrl, basicAuth(fresh.apiKey));
    const page = await freshCall('GET', `/v3/export-items?job_id=${fresh.jobId}&limit=1000`);
    const url = page.body.data.flatMap((item: { files: FileRef[] | null }) => item.files ?? [])[0].url;
    expect((await fetch(url)).status).toBe(200);
  });

  it('refuses a tampered expiry or an unknown file id', async () => {
    const seeded = sandbox.seedCompany({ itemCount: 8 });
    const files = (
      await apiCaller(sandbox.baseUrl, basicAuth(seeded.apiKey))(
        'GET',
        `/v3/export-items?job_id=${seeded.jobId}`,
      )
    ).body.data.flatMap((item: { files: FileRef[] | null }) => item.files ?? []) as FileRef[];
    const url = new URL(files[0]!.url);
    expect((await fetch(url)).status).toBe(200);
    url.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 86_400));
    expect((await fetch(url)).status).toBe(403);
    expect((await fetch(`${sandbox.baseUrl}/files/nothing-here?expires=1`)).status).toBe(404);
  });
});
