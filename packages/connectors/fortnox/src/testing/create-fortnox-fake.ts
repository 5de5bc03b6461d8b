import { randomUUID } from 'node:crypto';
import { decimalToMinorUnits } from '@ledgerport/connector-kit';
import { delay, HttpResponse, http, type RequestHandler } from 'msw';
import { FORTNOX_API_BASE_URL, FORTNOX_TOKEN_BASE_URL } from '../config/fortnox-config';
import type { ErpDocument, ErpFake, ErpFault } from './erp-fake';
import { defaultFortnoxSeed, type FakeFinancialYear, type FortnoxFakeSeed } from './fortnox-fake-seed';
import { FortnoxRateWindow } from './fortnox-rate-window';
import { type FortnoxSpecValidator, loadFortnoxSpecValidator } from './fortnox-spec-validator';

/** Options of {@link createFortnoxFake}. */
export interface FortnoxFakeOptions {
  readonly apiBaseUrl?: string;
  readonly tokenBaseUrl?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** A refresh token the fake accepts at start (give it to the connector as the `refreshToken` secret). */
  readonly refreshToken?: string;
  /** Access-token lifetime in seconds (Fortnox: 3600). */
  readonly accessTokenTtlSeconds?: number;
  readonly seed?: FortnoxFakeSeed;
  /** Latency added to every admitted API call, in ms. Default 0. */
  readonly latencyMs?: number;
  /**
   * Divides Fortnox's 5 s window (time compression for benchmarks). Durations the fake reports
   * (`Retry-After`) stay in real-time seconds; a client compresses them by the same factor. Default 1.
   */
  readonly timeScale?: number;
  /** Enforce 25 requests / 5 s (sliding). Default true. */
  readonly enforceRateLimit?: boolean;
  /** Answer errors with lowercase `error/message/code` keys, as live Fortnox has done. Default false. */
  readonly lowercaseErrorKeys?: boolean;
}

/** A voucher held by the fake. */
export interface FakeFortnoxVoucher {
  readonly year: number;
  readonly series: string;
  readonly number: number;
  readonly transactionDate: string;
  readonly description: string;
  readonly referenceType: string | undefined;
  readonly referenceNumber: string | undefined;
  readonly rows: readonly {
    readonly Account: number;
    readonly Debit: number;
    readonly Credit: number;
    readonly CostCenter?: string;
    readonly Project?: string;
    readonly TransactionInformation?: string;
  }[];
  readonly attachments: { readonly fileId: string; readonly fileName: string; readonly bytes: Uint8Array }[];
}

/** One logged request. */
export interface FortnoxRequestRecord {
  readonly api: 'api' | 'token';
  readonly method: string;
  readonly path: string;
  readonly operationId: string | undefined;
  readonly status: number;
  /** Epoch ms the request reached the fake (API calls; 0 for the token endpoint). */
  readonly arrivedAt: number;
}

/** The stateful Fortnox fake: an {@link ErpFake} plus inspection helpers for Fortnox-specific tests. */
export interface FortnoxFake extends ErpFake {
  readonly options: Required<
    Pick<FortnoxFakeOptions, 'apiBaseUrl' | 'tokenBaseUrl' | 'clientId' | 'clientSecret' | 'refreshToken'>
  >;
  readonly seed: FortnoxFakeSeed;
  /** Every request, in arrival order. */
  readonly requests: FortnoxRequestRecord[];
  /** Requests or fake responses that broke the Fortnox spec (should stay empty). */
  readonly specViolations: string[];
  /** Throws when any request broke the spec. Call it in `afterEach`. */
  assertSpecCompliant(): void;
  vouchers(): readonly FakeFortnoxVoucher[];
  /** Every access token issued so far stops working (the next call gets 401). */
  expireAccessTokens(): void;
  /** Successful token grants. */
  tokenGrants(): number;
  /** Refresh tokens presented after they had been rotated (a lost-rotation bug in the client). */
  reusedRefreshTokens(): number;
  /** Sets or clears the locked period for later calls. */
  setLockedThrough(date: string | undefined): void;
  /** Calls answered 429 by the rate limiter (not injected). */
  rateLimitedCount(): number;
  /** Highest number of API calls in flight at once. */
  peakConcurrency(): number;
  /** API calls admitted (after spec, auth and rate checks). */
  admittedCalls(): number;
  /** Loads the spec validator now (about 0.5 s, blocking), so the first requests are not delayed by it. */
  ready(): Promise<void>;
}

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * A stateful msw fake of the Fortnox API v3 and its OAuth token endpoint (issue #7 "Tests"). Every API
 * request is checked against Fortnox's OpenAPI spec (`shared/specs/fortnox/openapi.json`, via
 * {@link loadFortnoxSpecValidator}): an unknown operation or parameter or a body breaking the schema is
 * answered 400 and recorded in `specViolations`; successful responses are checked too. It implements
 * rotating refresh tokens (a used refresh token is dead), the client-credentials flow with a `TenantId`
 * header, bearer checks, financial years by date, voucher series, the chart of accounts (with inactive
 * accounts), the locked period, voucher numbering per series and year, balance / account / period / year
 * checks answered with `ErrorInformation` (capitalised or lowercase keys), voucher look-up lists with
 * `fromdate`/`todate`/`limit`/`page`, the inbox (multipart upload) and voucher file connections, the
 * 25 requests / 5 s sliding window (429 + `Retry-After`) with time compression, latency and injectable faults.
 */
export function createFortnoxFake(options: FortnoxFakeOptions = {}): FortnoxFake {
  const apiBaseUrl = (options.apiBaseUrl ?? FORTNOX_API_BASE_URL).replace(/\/$/, '');
  const tokenBaseUrl = (options.tokenBaseUrl ?? FORTNOX_TOKEN_BASE_URL).replace(/\/$/, '');
  const clientId = options.clientId ?? 'fake-fortnox-client-id';
  const clientSecret = options.clientSecret ?? 'fake-fortnox-client-secret-0123456789';
  const initialRefreshToken = options.refreshToken ?? 'fake-fortnox-refresh-initial-0123456789';
  const ttl = (options.accessTokenTtlSeconds ?? 3600) * 1000;
  const latencyMs = options.latencyMs ?? 0;
  const timeScale = options.timeScale ?? 1;
  const enforce = options.enforceRateLimit ?? true;
  const seed = options.seed ?? defaultFortnoxSeed;
  const apiPath = new URL(apiBaseUrl).pathname.replace(/\/$/, '');
  const accounts = new Map(seed.accounts.map((a) => [a.Number, a]));
  const folders = [
    { Id: 'inbox_v', Name: 'Verifikationer' },
    { Id: 'inbox_s', Name: 'Leverantörsfakturor' },
    { Id: 'inbox_kf', Name: 'Kundfakturor' },
  ];

  let vouchers: FakeFortnoxVoucher[] = [];
  let counters = new Map<string, number>();
  let files = new Map<string, { name: string; bytes: Uint8Array; folderId: string; connected: boolean }>();
  let faults: { fault: ErpFault; left: number }[] = [];
  let writes = 0;
  let window = new FortnoxRateWindow(25, 5_000 / timeScale);
  let rateLimited = 0;
  let inFlight = 0;
  let peak = 0;
  let admitted = 0;
  let lockedThrough = seed.lockedThrough;
  const requests: FortnoxRequestRecord[] = [];
  const specViolations: string[] = [];
  const accessTokens = new Map<string, number>();
  const refreshTokens = new Map<string, 'live' | 'used'>([[initialRefreshToken, 'live']]);
  // reset() also restores auth state: every test starts from a fresh consent with the initial refresh token.
  let grants = 0;
  let reused = 0;
  let validator: FortnoxSpecValidator | undefined;

  const errorBody = (message: string, code?: number) => {
    const info = options.lowercaseErrorKeys
      ? { error: 1, message, ...(code === undefined ? {} : { code }) }
      : { Error: 1, Message: message, ...(code === undefined ? {} : { Code: code }) };
    return { ErrorInformation: info };
  };
  const fail = (status: number, message: string, code?: number): Answer => ({
    status,
    body: errorBody(message, code),
  });

  const yearById = (id: number) => seed.financialYears.find((y) => y.Id === id);
  const yearOfDate = (date: string) =>
    seed.financialYears.find((y) => y.FromDate <= date && date <= y.ToDate);
  const preselectedYear = (): FakeFinancialYear | undefined =>
    yearOfDate(new Date().toISOString().slice(0, 10)) ?? seed.financialYears.at(-1);

  /** Takes the next fault that applies to this call (`afterCommit` timeouts wait for a write). */
  const takeFault = (isWrite: boolean): ErpFault | undefined => {
    const next = faults[0];
    if (next === undefined) return undefined;
    if (next.fault.kind === 'timeout' && next.fault.afterCommit === true && !isWrite) return undefined;
    next.left--;
    if (next.left <= 0) faults.shift();
    return next.fault;
  };

  const bearerValid = (request: Request): boolean => {
    const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
    const expiry = token === undefined ? undefined : accessTokens.get(token);
    return expiry !== undefined && expiry > Date.now();
  };

  const listVouchers = (series: string, query: Record<string, string>): Answer => {
    const year =
      query.financialyear === undefined ? preselectedYear() : yearById(Number(query.financialyear));
    if (year === undefined) return fail(400, 'Räkenskapsår hittades inte.', 2000588);
    const matching = vouchers
      .filter((v) => v.series === series && v.year === year.Id)
      .filter((v) => query.fromdate === undefined || v.transactionDate >= query.fromdate)
      .filter((v) => query.todate === undefined || v.transactionDate <= query.todate);
    const limit = Number(query.limit ?? 100);
    const page = Number(query.page ?? 1);
    const pages = Math.max(1, Math.ceil(matching.length / limit));
    const slice = matching.slice((page - 1) * limit, page * limit);
    return {
      status: 200,
      body: {
        MetaInformation: { '@TotalResources': matching.length, '@TotalPages': pages, '@CurrentPage': page },
        Vouchers: slice.map((v) => ({
          '@url': `${apiBaseUrl}/3/vouchers/${v.series}/${v.number}?financialyear=${v.year}`,
          Comments: '',
          Description: v.description,
          ...(v.referenceNumber === undefined ? {} : { ReferenceNumber: v.referenceNumber }),
          ...(v.referenceType === undefined ? {} : { ReferenceType: v.referenceType }),
          TransactionDate: v.transactionDate,
          VoucherNumber: v.number,
          VoucherSeries: v.series,
          Year: v.year,
          ApprovalState: 0,
        })),
      },
    };
  };

  const createVoucher = (query: Record<string, string>, body: Record<string, unknown>): Answer => {
    const voucher = (body.Voucher ?? {}) as Record<string, unknown>;
    const year =
      query.financialyear === undefined ? preselectedYear() : yearById(Number(query.financialyear));
    const date = String(voucher.TransactionDate ?? '');
    if (year === undefined) return fail(400, 'Räkenskapsår saknas för det angivna id:t.', 2000588);
    if (voucher.Year !== undefined && voucher.Year !== year.Id) {
      return fail(400, `Year ${String(voucher.Year)} stämmer inte med räkenskapsåret ${year.Id}.`, 2000588);
    }
    if (!(year.FromDate <= date && date <= year.ToDate)) {
      return fail(400, `Datumet ${date} ligger utanför räkenskapsåret ${year.FromDate}–${year.ToDate}.`);
    }
    const series = String(voucher.VoucherSeries ?? '');
    if (!seed.voucherSeries.some((s) => s.Code === series)) {
      return fail(400, `Verifikationsserien ${series} finns inte.`);
    }
    if (lockedThrough !== undefined && date <= lockedThrough) {
      return fail(400, `Perioden är låst till och med ${lockedThrough}. Verifikationen kan inte sparas.`);
    }
    const rows = ((voucher.VoucherRows as Record<string, unknown>[] | undefined) ?? []).filter(
      (r) => r.Removed !== true,
    );
    let debit = 0;
    let credit = 0;
    const parsedRows: FakeFortnoxVoucher['rows'][number][] = [];
    for (const row of rows) {
      const account = accounts.get(Number(row.Account));
      if (account === undefined) return fail(400, `Kunde inte hitta konto ${String(row.Account)}.`, 2001304);
      if (account.Active === false) return fail(400, `Kontot ${account.Number} är inaktivt.`);
      const d = Number(row.Debit ?? 0);
      const c = Number(row.Credit ?? 0);
      if (d < 0 || c < 0 || (d !== 0 && c !== 0)) {
        return fail(400, 'En verifikationsrad kan inte ha både debet och kredit.');
      }
      const dm = decimalToMinorUnits(d, seed.currency);
      const cm = decimalToMinorUnits(c, seed.currency);
      if (Math.abs(dm / 100 - d) > 1e-9 || Math.abs(cm / 100 - c) > 1e-9) {
        return fail(400, 'Belopp får ha högst två decimaler.');
      }
      debit += dm;
      credit += cm;
      parsedRows.push({
        Account: account.Number,
        Debit: dm,
        Credit: cm,
        ...(typeof row.CostCenter === 'string' ? { CostCenter: row.CostCenter } : {}),
        ...(typeof row.Project === 'string' ? { Project: row.Project } : {}),
        ...(typeof row.TransactionInformation === 'string'
          ? { TransactionInformation: row.TransactionInformation }
          : {}),
      });
    }
    if (debit !== credit) return fail(400, 'Verifikationen är inte i balans.');
    if (debit === 0) return fail(400, 'Verifikationen saknar belopp.');
    const counterKey = `${year.Id}/${series}`;
    const number = (counters.get(counterKey) ?? 0) + 1;
    counters.set(counterKey, number);
    const stored: FakeFortnoxVoucher = {
      year: year.Id,
      series,
      number,
      transactionDate: date,
      description: String(voucher.Description ?? ''),
      referenceType: typeof voucher.ReferenceType === 'string' ? voucher.ReferenceType : undefined,
      referenceNumber: typeof voucher.ReferenceNumber === 'string' ? voucher.ReferenceNumber : undefined,
      rows: parsedRows,
      attachments: [],
    };
    vouchers.push(stored);
    return {
      status: 201,
      body: {
        Voucher: {
          ...voucher,
          '@url': `${apiBaseUrl}/3/vouchers/${series}/${number}?financialyear=${year.Id}`,
          VoucherNumber: number,
          Year: year.Id,
          ApprovalState: 0,
        },
      },
    };
  };

  const connectFile = (query: Record<string, string>, body: Record<string, unknown>): Answer => {
    const connection = (body.VoucherFileConnection ?? {}) as Record<string, unknown>;
    const year =
      query.financialyear === undefined ? preselectedYear() : yearById(Number(query.financialyear));
    const file = files.get(String(connection.FileId));
    if (file === undefined) return fail(400, `Filen ${String(connection.FileId)} hittades inte.`);
    if (file.connected) return fail(400, 'Filen är redan kopplad till en verifikation.');
    const voucher = vouchers.find(
      (v) =>
        v.year === year?.Id &&
        v.series === connection.VoucherSeries &&
        String(v.number) === String(connection.VoucherNumber),
    );
    if (voucher === undefined) return fail(404, 'Verifikationen hittades inte.');
    file.connected = true;
    voucher.attachments.push({ fileId: String(connection.FileId), fileName: file.name, bytes: file.bytes });
    return {
      status: 201,
      body: {
        VoucherFileConnection: {
          '@url': `${apiBaseUrl}/3/voucherfileconnections/${String(connection.FileId)}`,
          FileId: String(connection.FileId),
          VoucherNumber: String(voucher.number),
          VoucherSeries: voucher.series,
          VoucherYear: voucher.year,
          VoucherDescription: voucher.description,
        },
      },
    };
  };

  const route = async (
    method: string,
    path: string,
    query: Record<string, string>,
    body: unknown,
    upload: { name: string; bytes: Uint8Array } | undefined,
  ): Promise<Answer> => {
    if (method === 'GET' && path === '/3/financialyears') {
      const list =
        query.Date === undefined
          ? seed.financialYears
          : seed.financialYears.filter((y) => y.FromDate <= query.Date! && query.Date! <= y.ToDate);
      return {
        status: 200,
        body: {
          FinancialYears: list.map((y) => ({
            '@url': `${apiBaseUrl}/3/financialyears/${y.Id}`,
            Id: y.Id,
            FromDate: y.FromDate,
            ToDate: y.ToDate,
            AccountChartType: 'BAS 2026',
            AccountingMethod: 'ACCRUAL',
          })),
        },
      };
    }
    if (method === 'GET' && path === '/3/voucherseries') {
      return {
        status: 200,
        body: {
          VoucherSeriesCollection: seed.voucherSeries.map((s) => ({
            '@url': `${apiBaseUrl}/3/voucherseries/${s.Code}`,
            Code: s.Code,
            Description: s.Description,
            Manual: true,
          })),
        },
      };
    }
    if (method === 'GET' && path === '/3/accounts') {
      const all = [...accounts.values()].sort((a, b) => a.Number - b.Number);
      const limit = Number(query.limit ?? 100);
      const page = Number(query.page ?? 1);
      return {
        status: 200,
        body: {
          MetaInformation: {
            '@TotalResources': all.length,
            '@TotalPages': Math.max(1, Math.ceil(all.length / limit)),
            '@CurrentPage': page,
          },
          Accounts: all.slice((page - 1) * limit, page * limit).map((a) => ({
            '@url': `${apiBaseUrl}/3/accounts/${a.Number}`,
            Active: a.Active !== false,
            Description: a.Description,
            Number: a.Number,
            Year: preselectedYear()?.Id ?? 1,
          })),
        },
      };
    }
    if (method === 'GET' && path === '/3/settings/lockedperiod') {
      return {
        status: 200,
        body: { LockedPeriod: lockedThrough === undefined ? {} : { EndDate: lockedThrough } },
      };
    }
    if (method === 'GET' && path === '/3/inbox') {
      return {
        status: 200,
        body: {
          Folder: {
            Id: 'root',
            Name: 'Inkorg',
            Folders: folders.map((f) => ({ ...f, '@url': `${apiBaseUrl}/3/inbox/${f.Id}` })),
            Files: [],
          },
        },
      };
    }
    const connection = /^\/3\/voucherfileconnections\/([^/]+)$/.exec(path);
    if (method === 'GET' && connection !== null) {
      const fileId = decodeURIComponent(connection[1] ?? '');
      const voucher = vouchers.find((v) => v.attachments.some((a) => a.fileId === fileId));
      if (voucher === undefined) return fail(404, `Filkopplingen ${fileId} hittades inte.`);
      return {
        status: 200,
        body: {
          VoucherFileConnection: {
            '@url': `${apiBaseUrl}/3/voucherfileconnections/${fileId}`,
            FileId: fileId,
            VoucherNumber: String(voucher.number),
            VoucherSeries: voucher.series,
            VoucherYear: voucher.year,
            VoucherDescription: voucher.description,
          },
        },
      };
    }
    const sublist = /^\/3\/vouchers\/sublist\/([^/]+)$/.exec(path);
    if (method === 'GET' && sublist !== null)
      return listVouchers(decodeURIComponent(sublist[1] ?? ''), query);
    if (method === 'POST' && path === '/3/vouchers')
      return createVoucher(query, body as Record<string, unknown>);
    if (method === 'POST' && path === '/3/inbox' && upload !== undefined) {
      const folderId = query.folderId ?? 'root';
      if (folderId !== 'root' && !folders.some((f) => f.Id === folderId)) {
        return fail(400, `Mappen ${folderId} finns inte.`);
      }
      const id = randomUUID();
      files.set(id, { name: upload.name, bytes: upload.bytes, folderId, connected: false });
      return {
        status: 201,
        body: {
          File: {
            '@url': `${apiBaseUrl}/3/inbox/${id}`,
            Id: id,
            ArchiveFileId: randomUUID(),
            Name: upload.name,
            Path: `inbox/${folderId}`,
            Size: upload.bytes.byteLength,
          },
        },
      };
    }
    if (method === 'POST' && path === '/3/voucherfileconnections') {
      return connectFile(query, body as Record<string, unknown>);
    }
    specViolations.push(`${method} ${path}: valid per the spec but not implemented by the fake`);
    return fail(501, 'Not implemented by the Fortnox fake');
  };

  const apiHandler = http.all(`${apiBaseUrl}/3/*`, async ({ request }) => {
    // The gateway counts arrivals before anything else (as Fortnox's edge does), so the window sees the
    // arrival order, not the order in which the fake finished parsing and validating bodies.
    const arrivedAt = Date.now();
    const verdict = enforce ? window.admit(arrivedAt) : ({ ok: true } as const);
    const url = new URL(request.url);
    const path = url.pathname.slice(apiPath.length);
    const method = request.method.toUpperCase();
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      headers[key.toLowerCase()] = value;
    });
    const query = Object.fromEntries(url.searchParams);
    let body: unknown;
    let upload: { name: string; bytes: Uint8Array } | undefined;
    if (method !== 'GET') {
      if ((headers['content-type'] ?? '').startsWith('multipart/form-data')) {
        const form = await request.formData();
        const file = form.get('file');
        if (file !== null && typeof file !== 'string') {
          upload = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
        }
        body = upload === undefined ? {} : { file: 'binary' };
      } else {
        const text = await request.text();
        try {
          body = text === '' ? undefined : JSON.parse(text);
        } catch {
          body = text;
        }
      }
    }
    validator ??= await loadFortnoxSpecValidator();
    const check = validator.checkRequest({ method, path, query, headers, body });
    const log = (status: number) =>
      requests.push({ api: 'api', method, path, operationId: check.operationId, status, arrivedAt });
    const json = (answer: Answer, extra: Record<string, string> = {}) =>
      HttpResponse.json(answer.body as Record<string, unknown>, { status: answer.status, headers: extra });
    if (!check.ok) {
      specViolations.push(`${method} ${path}: ${check.problems.join('; ')}`);
      log(400);
      return json(
        fail(400, `Request does not match the Fortnox OpenAPI spec: ${check.problems.join('; ')}`, 2000588),
      );
    }
    if (!bearerValid(request)) {
      log(401);
      return json(fail(401, 'Kan inte logga in, access-token eller client-secret saknas (2).', 2000311));
    }
    const isWrite = method === 'POST';
    const fault = takeFault(isWrite);
    if (fault?.kind === 'http') {
      log(fault.status);
      const extra: Record<string, string> =
        fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
      if (fault.status === 401) {
        return json(fail(401, 'Kan inte logga in, access-token eller client-secret saknas (2).', 2000311));
      }
      const message =
        fault.status === 400 || fault.status === 422
          ? 'Ingen eller felaktig typ av data.'
          : fault.status === 429
            ? 'Too many requests.'
            : `Injected fault (HTTP ${fault.status}).`;
      return json(fail(fault.status, message, fault.status === 400 ? 2001392 : undefined), extra);
    }
    if (fault?.kind === 'network') {
      log(0);
      return HttpResponse.error();
    }
    if (fault?.kind === 'timeout' && fault.afterCommit !== true) {
      log(0);
      await delay('infinite');
    }
    if (!verdict.ok) {
      rateLimited++;
      log(429);
      return json(fail(429, 'Too many requests. The limit is 25 requests per 5 seconds.'), {
        // In real-time seconds: under time compression a client divides it by the same factor.
        'retry-after': String(Math.max(1, Math.ceil((verdict.retryAfterMs * timeScale) / 1000))),
      });
    }
    admitted++;
    inFlight++;
    peak = Math.max(peak, inFlight);
    try {
      if (latencyMs > 0) await delay(latencyMs);
      if (isWrite) writes++;
      const answer = await route(method, path, query, body, upload);
      if (answer.status < 300 && check.operationId !== undefined) {
        for (const problem of validator.checkResponse(check.operationId, answer.status, answer.body)) {
          specViolations.push(`${method} ${path} (fake response): ${problem}`);
        }
      }
      log(answer.status);
      if (fault?.kind === 'timeout') await delay('infinite'); // afterCommit: the write happened, the answer is lost
      return json(answer);
    } finally {
      inFlight--;
    }
  });

  const tokenHandler = http.post(`${tokenBaseUrl}/oauth-v1/token`, async ({ request }) => {
    const form = new URLSearchParams(await request.text());
    const log = (status: number) =>
      requests.push({
        api: 'token',
        method: 'POST',
        path: '/oauth-v1/token',
        operationId: 'token',
        status,
        arrivedAt: 0,
      });
    if (request.headers.get('content-type')?.startsWith('application/x-www-form-urlencoded') !== true) {
      specViolations.push('POST /oauth-v1/token: body must be application/x-www-form-urlencoded');
      log(400);
      return HttpResponse.json({ error: 'invalid_request' }, { status: 400 });
    }
    const expectedAuth = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
    if (request.headers.get('authorization') !== expectedAuth) {
      log(401);
      return HttpResponse.json({ error: 'invalid_client' }, { status: 401 });
    }
    const issue = (withRefresh: boolean) => {
      grants++;
      const accessToken = `fake-fortnox-access-${randomUUID()}`;
      accessTokens.set(accessToken, Date.now() + ttl);
      const body: Record<string, unknown> = {
        access_token: accessToken,
        expires_in: ttl / 1000,
        token_type: 'bearer',
        scope: 'bookkeeping archive connectfile settings',
      };
      if (withRefresh) {
        const refreshToken = `fake-fortnox-refresh-${randomUUID()}`;
        refreshTokens.set(refreshToken, 'live');
        body.refresh_token = refreshToken;
      }
      log(200);
      return HttpResponse.json(body);
    };
    const grant = form.get('grant_type');
    if (grant === 'client_credentials') {
      if (request.headers.get('tenantid') !== seed.tenantId) {
        log(400);
        return HttpResponse.json(
          { error: 'invalid_request', error_description: 'Unknown or missing TenantId' },
          { status: 400 },
        );
      }
      return issue(false);
    }
    if (grant === 'refresh_token') {
      const presented = form.get('refresh_token') ?? '';
      const state = refreshTokens.get(presented);
      if (state !== 'live') {
        if (state === 'used') reused++;
        log(400);
        return HttpResponse.json({ error: 'invalid_grant' }, { status: 400 });
      }
      refreshTokens.set(presented, 'used'); // Fortnox rotates: a refresh token works once
      return issue(true);
    }
    log(400);
    return HttpResponse.json({ error: 'unsupported_grant_type' }, { status: 400 });
  });

  const toErpDocument = (v: FakeFortnoxVoucher): ErpDocument => ({
    externalId: `${v.year}/${v.series}/${v.number}`,
    currency: seed.currency,
    debit: v.rows.reduce((s, r) => s + r.Debit, 0),
    credit: v.rows.reduce((s, r) => s + r.Credit, 0),
    attachments: v.attachments.map((a) => ({ fileName: a.fileName, bytes: a.bytes })),
  });

  const handlers: RequestHandler[] = [tokenHandler, apiHandler];
  return {
    handlers,
    options: { apiBaseUrl, tokenBaseUrl, clientId, clientSecret, refreshToken: initialRefreshToken },
    seed,
    requests,
    specViolations,
    reset() {
      vouchers = [];
      counters = new Map();
      files = new Map();
      faults = [];
      writes = 0;
      window = new FortnoxRateWindow(25, 5_000 / timeScale);
      rateLimited = 0;
      inFlight = 0;
      peak = 0;
      admitted = 0;
      lockedThrough = seed.lockedThrough;
      accessTokens.clear();
      refreshTokens.clear();
      refreshTokens.set(initialRefreshToken, 'live'); // a fresh consent: the initial refresh token works again
      grants = 0;
      reused = 0;
      requests.length = 0;
      specViolations.length = 0;
    },
    async listDocuments() {
      return vouchers.map(toErpDocument);
    },
    async writeCount() {
      return writes;
    },
    injectFault(fault) {
      faults.push({ fault, left: fault.times ?? 1 });
    },
    assertSpecCompliant() {
      if (specViolations.length > 0) {
        throw new Error(`Requests broke the Fortnox spec:\n${specViolations.join('\n')}`);
      }
    },
    vouchers() {
      return vouchers;
    },
    expireAccessTokens() {
      for (const token of accessTokens.keys()) accessTokens.set(token, 0);
    },
    tokenGrants() {
      return grants;
    },
    reusedRefreshTokens() {
      return reused;
    },
    setLockedThrough(date) {
      lockedThrough = date;
    },
    rateLimitedCount() {
      return rateLimited;
    },
    peakConcurrency() {
      return peak;
    },
    admittedCalls() {
      return admitted;
    },
    async ready() {
      validator ??= await loadFortnoxSpecValidator();
    },
  };
}
