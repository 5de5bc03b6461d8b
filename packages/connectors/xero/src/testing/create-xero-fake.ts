import { randomUUID } from 'node:crypto';
import { decimalToMinorUnits, minorUnitsToDecimal } from '@ledgerport/connector-kit';
import { FAKE_ANSWER_AT_HEADER } from '@ledgerport/testkit/http-fake';
import { delay, HttpResponse, http, type RequestHandler } from 'msw';
import { XERO_API_BASE_URL, XERO_CONNECTIONS_BASE_URL, XERO_IDENTITY_BASE_URL } from '../config/xero-config';
import { toXeroMsDate } from '../reference/xero-date';
import type { ErpDocument, ErpFake, ErpFault } from './erp-fake';
import { expandLine, type IncomingLine, type LedgerPosting, totals } from './xero-fake-ledger';
import { defaultXeroSeed, type FakeTaxRate, type XeroFakeSeed } from './xero-fake-seed';
import { type FakeRateLimits, RateWindow } from './xero-rate-window';
import { loadXeroSpecValidator, type XeroSpecValidator } from './xero-spec-validator';

/** Options of {@link createXeroFake}. */
export interface XeroFakeOptions {
  readonly apiBaseUrl?: string;
  readonly connectionsBaseUrl?: string;
  readonly identityBaseUrl?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** A refresh token the fake accepts at start (give it to the connector as the `refreshToken` secret). */
  readonly refreshToken?: string;
  /** Seconds a used refresh token stays valid after rotation (Xero: 30 min grace). Default 1800; 0 = strict. */
  readonly refreshGraceSeconds?: number;
  /** Access-token lifetime in seconds (Xero: 1800). */
  readonly accessTokenTtlSeconds?: number;
  readonly seed?: XeroFakeSeed;
  /**
   * Response time of every accounting API call in ms, counted from when the request arrived (see
   * `receivedAt`), the fake's own processing included: a real Xero's response time includes its work,
   * so the fake's CPU (body parsing, spec validation, ledger) never adds to it. Default 0.
   */
  readonly latencyMs?: number;
  /**
   * When `request` arrived, in `performance.now()` ms — given by a transport that sees the request
   * before msw does (e.g. {@link startXeroFakeServer} stamps it when the HTTP request comes in).
   * Default: when the fake's handler starts.
   */
  readonly receivedAt?: (request: Request) => number | undefined;
  /** Divides Xero's rate-limit windows (60 s, 24 h). Default 1. */
  readonly timeScale?: number;
  readonly rateLimits?: Partial<FakeRateLimits>;
  /** Also check the fake's own 200 responses against the spec (default true; benchmarks may turn it off). */
  readonly validateResponses?: boolean;
  /**
   * Leaves the latency wait to the transport: an accounting answer is returned as soon as it is built,
   * with testkit's `FAKE_ANSWER_AT_HEADER` saying when (epoch ms) it may leave; the call counts as in
   * flight until then. For a transport that holds answers (testkit's `serveMswHandlers`, used by
   * `startXeroFakeServer`), so answers leave on time however busy the fake is. Default false
   * (the handler waits, as msw in-process tests need).
   */
  readonly deferLatency?: boolean;
}

/** A document held by the fake, with the request body Xero stored and its ledger postings. */
export interface FakeXeroDocument {
  readonly kind: 'ManualJournals' | 'BankTransactions' | 'Invoices' | 'CreditNotes';
  readonly id: string;
  readonly tenantId: string;
  readonly currency: string;
  readonly body: Record<string, unknown>;
  readonly postings: LedgerPosting[];
  status: string;
  readonly payments: { readonly paymentId: string; readonly amount: number; readonly account: string }[];
  readonly attachments: {
    readonly fileName: string;
    readonly mimeType: string;
    readonly bytes: Uint8Array;
  }[];
}

/** One logged request. */
export interface FakeRequestRecord {
  readonly api: 'accounting' | 'identity' | 'token';
  readonly method: string;
  readonly path: string;
  readonly operationId: string | undefined;
  readonly status: number;
  readonly idempotencyKey: string | undefined;
  readonly replayed: boolean;
}

/** The stateful Xero fake: an {@link ErpFake} plus inspection helpers for Xero-specific tests. */
export interface XeroFake extends ErpFake {
  readonly options: Required<
    Pick<
      XeroFakeOptions,
      'apiBaseUrl' | 'connectionsBaseUrl' | 'identityBaseUrl' | 'clientId' | 'clientSecret' | 'refreshToken'
    >
  >;
  readonly seed: XeroFakeSeed;
  /** Every request, in arrival order. */
  readonly requests: FakeRequestRecord[];
  /** Requests or responses that broke the Xero spec (should stay empty). */
  readonly specViolations: string[];
  /** Throws when any request broke the spec. Call it in `afterEach`. */
  assertSpecCompliant(): void;
  documents(): readonly FakeXeroDocument[];
  /** Every access token issued so far stops working (the next call gets 401 TokenExpired). */
  expireAccessTokens(): void;
  /** Number of successful token grants. */
  tokenGrants(): number;
  /** Changes the organisation (e.g. lock dates) for later calls. */
  updateOrganisation(patch: Partial<XeroFakeSeed['organisation']>): void;
  /** Highest number of accounting calls in flight at once, per tenant. */
  peakConcurrency(): number;
  /** Calls answered 429 by the rate limiter (not injected). */
  rateLimitedCount(): number;
}

interface StoredResponse {
  readonly status: number;
  readonly body: unknown;
}

const JSON_ENVELOPE = () => ({
  Id: randomUUID(),
  Status: 'OK',
  ProviderName: 'Ledgerport Xero fake',
  DateTimeUTC: toXeroMsDate(new Date().toISOString()),
});

/**
 * A stateful msw fake of the Xero Accounting API, the identity token endpoint and `/Connections`
 * (issue #6 "Tests"). Every request is checked against the official specs (`spec/`): an unknown
 * operation, a missing `xero-tenant-id` or a body breaking the schema is answered 400 and recorded in
 * `specViolations`. It implements OAuth refresh-token rotation (with Xero's grace period), bearer and
 * tenant checks, per-element `ValidationErrors` with `summarizeErrors=false` (else a 400
 * `ValidationException`), ACCPAY bills and ACCPAYCREDIT supplier credit notes with payments/refunds
 * against them, lock dates, `Idempotency-Key` replay (concurrent duplicates wait for the first),
 * attachments with the 10 MB / 10-per-record limits, Xero's rate limits (60/min sliding, 5 concurrent,
 * 5,000/day, `X-*Limit-Remaining` headers, 429 + `Retry-After` + `X-Rate-Limit-Problem`) with a time
 * compression factor, latency, and injectable faults.
 */
export function createXeroFake(options: XeroFakeOptions = {}): XeroFake {
  const apiBaseUrl = options.apiBaseUrl ?? XERO_API_BASE_URL;
  const connectionsBaseUrl = options.connectionsBaseUrl ?? XERO_CONNECTIONS_BASE_URL;
  const identityBaseUrl = options.identityBaseUrl ?? XERO_IDENTITY_BASE_URL;
  const clientId = options.clientId ?? 'fake-client-id';
  const clientSecret = options.clientSecret ?? 'fake-client-secret-0123456789';
  const initialRefreshToken = options.refreshToken ?? 'fake-refresh-token-initial-0123456789';
  const grace = (options.refreshGraceSeconds ?? 1800) * 1000;
  const ttl = (options.accessTokenTtlSeconds ?? 1800) * 1000;
  const latencyMs = options.latencyMs ?? 0;
  const timeScale = options.timeScale ?? 1;
  const limits: FakeRateLimits = { perMinute: 60, concurrent: 5, perDay: 5000, ...options.rateLimits };
  const baseSeed = options.seed ?? defaultXeroSeed;
  let organisation = { ...baseSeed.organisation };
  const seed: XeroFakeSeed = { ...baseSeed, organisation };
  const accounts = new Map(baseSeed.accounts.map((a) => [a.Code, a]));
  const taxRates = new Map<string, FakeTaxRate>(baseSeed.taxRates.map((t) => [t.TaxType, t]));
  const apiPath = new URL(apiBaseUrl).pathname.replace(/\/$/, '');
  const vatAccount = baseSeed.accounts.find((a) => a.Name === 'VAT')?.Code ?? '820';
  const payablesAccount = baseSeed.accounts.find((a) => a.Name === 'Accounts Payable')?.Code ?? '800';

  // Mutable state (reset() clears documents, idempotency, faults, logs and rate windows).
  let docs = new Map<string, FakeXeroDocument>();
  let contacts = new Map(baseSeed.contacts.map((c) => [c.Name, c.ContactID]));
  let idempotency = new Map<string, Promise<StoredResponse>>();
  let faults: { fault: ErpFault; left: number }[] = [];
  let writes = 0;
  let windows = new Map<string, RateWindow>();
  let peak = 0;
  let rateLimited = 0;
  const requests: FakeRequestRecord[] = [];
  const specViolations: string[] = [];
  const accessTokens = new Map<string, number>(); // token → expiry epoch ms
  const refreshTokens = new Map<string, number>([[initialRefreshToken, Number.POSITIVE_INFINITY]]); // token → valid until
  let grants = 0;
  let validator: XeroSpecValidator | undefined;
  const spec = async () => {
    validator ??= await loadXeroSpecValidator();
    return validator;
  };

  /** The fault for this call; `afterCommit` timeouts wait for a state-changing call (not look-ups). */
  const takeFault = (isWrite: boolean): ErpFault | undefined => {
    const next = faults[0];
    if (next === undefined) return undefined;
    if (next.fault.kind === 'timeout' && next.fault.afterCommit === true && !isWrite) return undefined;
    next.left--;
    if (next.left <= 0) faults.shift();
    return next.fault;
  };

  const windowOf = (tenant: string) => {
    let w = windows.get(tenant);
    if (w === undefined) {
      w = new RateWindow(limits, timeScale);
      windows.set(tenant, w);
    }
    return w;
  };

  const rateHeaders = (tenant: string): Record<string, string> => {
    const left = windowOf(tenant).remaining(performance.now());
    return {
      'x-minlimit-remaining': String(left.minute),
      'x-daylimit-remaining': String(left.day),
      'x-appminlimit-remaining': '9999',
    };
  };

  const bearerValid = (request: Request): boolean => {
    const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
    const expiry = token === undefined ? undefined : accessTokens.get(token);
    return expiry !== undefined && expiry > Date.now();
  };

  const unauthorized = () =>
    HttpResponse.json(
      { Type: null, Title: 'Unauthorized', Status: 401, Detail: 'TokenExpired: token expired' },
      { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } },
    );

  const lockedThrough = (): string | undefined =>
    [organisation.PeriodLockDate, organisation.EndOfYearLockDate]
      .filter((d): d is string => d !== undefined)
      .sort()
      .at(-1);

  const lineProblems = (lines: readonly (IncomingLine & { Tracking?: unknown[] })[]): string[] => {
    const problems: string[] = [];
    for (const line of lines) {
      const account = line.AccountCode === undefined ? undefined : accounts.get(line.AccountCode);
      if (account === undefined) {
        problems.push(`Account code '${line.AccountCode ?? ''}' is not a valid code for this document.`);
      } else if ((account.Status ?? 'ACTIVE') !== 'ACTIVE') {
        problems.push(
          `Account code '${account.Code}' has been archived, or has been deleted. Each line item must reference a valid account.`,
        );
      }
      if (line.TaxType !== undefined) {
        const rate = taxRates.get(line.TaxType);
        if (rate === undefined || (rate.Status ?? 'ACTIVE') !== 'ACTIVE') {
          problems.push(
            `The TaxType code '${line.TaxType}' does not exist or cannot be used for this type of transaction.`,
          );
        }
      }
      if ((line.Tracking?.length ?? 0) > 2) problems.push('Only 2 tracking categories can be used per line.');
    }
    return problems;
  };

  const dateProblem = (date: unknown): string[] => {
    const locked = lockedThrough();
    return typeof date === 'string' && locked !== undefined && date.slice(0, 10) <= locked
      ? [`The document date cannot be on or before the period lock date (${locked}).`]
      : [];
  };

  const createManualJournal = (tenantId: string, mj: Record<string, unknown>) => {
    const lines = (mj.JournalLines as IncomingLine[] | undefined) ?? [];
    const problems = [...dateProblem(mj.Date), ...lineProblems(lines)];
    if (lines.length < 2)
      problems.push('Journal lines must be provided: a manual journal needs at least two lines.');
    const currency = organisation.BaseCurrency;
    const sum = lines.reduce((s, l) => s + decimalToMinorUnits(l.LineAmount ?? 0, currency), 0);
    if (sum !== 0) {
      const debit = lines.filter((l) => (l.LineAmount ?? 0) > 0).reduce((s, l) => s + (l.LineAmount ?? 0), 0);
      const credit = lines
        .filter((l) => (l.LineAmount ?? 0) < 0)
        .reduce((s, l) => s + (l.LineAmount ?? 0), 0);
      problems.push(`The total debits (${debit.toFixed(2)}) must equal total credits (${credit.toFixed(2)})`);
    }
    if (problems.length > 0) return { problems };
    const types = String(mj.LineAmountTypes ?? 'Exclusive');
    const postings = lines.flatMap((l) => expandLine(l, 1, types, taxRates, currency, vatAccount));
    const id = randomUUID();
    docs.set(id, {
      kind: 'ManualJournals',
      id,
      tenantId,
      currency,
      body: mj,
      postings,
      status: String(mj.Status ?? 'DRAFT'),
      payments: [],
      attachments: [],
    });
    return {
      element: {
        ...mj,
        Date: toXeroMsDate(String(mj.Date ?? new Date().toISOString().slice(0, 10))),
        ManualJournalID: id,
        Status: String(mj.Status ?? 'DRAFT'),
        LineAmountTypes: types,
        HasAttachments: false,
        UpdatedDateUTC: toXeroMsDate(new Date().toISOString()),
        ShowOnCashBasisReports: true,
      },
    };
  };

  const createBankTransaction = (tenantId: string, bt: Record<string, unknown>) => {
    const lines = (bt.LineItems as IncomingLine[] | undefined) ?? [];
    const bankCode = (bt.BankAccount as { Code?: string } | undefined)?.Code;
    const bank = bankCode === undefined ? undefined : accounts.get(bankCode);
    const problems = [...dateProblem(bt.Date), ...lineProblems(lines)];
    if (bank === undefined || bank.Type !== 'BANK')
      problems.push(`Account code '${bankCode ?? ''}' is not a valid bank account.`);
    if (problems.length > 0) return { problems };
    const currency = String(bt.CurrencyCode ?? organisation.BaseCurrency);
    const sign = bt.Type === 'RECEIVE' ? -1 : 1;
    const types = String(bt.LineAmountTypes ?? 'Exclusive');
    const postings = lines.flatMap((l) => expandLine(l, sign, types, taxRates, currency, vatAccount));
    const total = postings.reduce((s, p) => s + p.amount, 0);
    postings.push({ account: bankCode ?? '', amount: -total });
    const id = randomUUID();
    docs.set(id, {
      kind: 'BankTransactions',
      id,
      tenantId,
      currency,
      body: bt,
      postings,
      status: 'AUTHORISED',
      payments: [],
      attachments: [],
    });
    return {
      element: {
        ...bt,
        Date: toXeroMsDate(String(bt.Date)),
        BankTransactionID: id,
        Status: 'AUTHORISED',
        Total: minorUnitsToDecimal(Math.abs(total), currency),
        UpdatedDateUTC: toXeroMsDate(new Date().toISOString()),
      },
    };
  };

  const createInvoice = (tenantId: string, inv: Record<string, unknown>) => {
    const lines = (inv.LineItems as IncomingLine[] | undefined) ?? [];
    const problems = [...dateProblem(inv.Date), ...lineProblems(lines)];
    const contact = inv.Contact as { ContactID?: string; Name?: string } | undefined;
    if (contact?.ContactID !== undefined && ![...contacts.values()].includes(contact.ContactID)) {
      problems.push(`Contact with ContactID '${contact.ContactID}' could not be found.`);
    }
    if (inv.Type !== 'ACCPAY') problems.push('The fake only implements ACCPAY invoices.');
    if (problems.length > 0) return { problems };
    if (contact?.Name !== undefined && !contacts.has(contact.Name)) contacts.set(contact.Name, randomUUID());
    const currency = String(inv.CurrencyCode ?? organisation.BaseCurrency);
    const types = String(inv.LineAmountTypes ?? 'Exclusive');
    const postings = lines.flatMap((l) => expandLine(l, 1, types, taxRates, currency, vatAccount));
    const total = postings.reduce((s, p) => s + p.amount, 0);
    postings.push({ account: payablesAccount, amount: -total });
    const id = randomUUID();
    const status = String(inv.Status ?? 'DRAFT');
    docs.set(id, {
      kind: 'Invoices',
      id,
      tenantId,
      currency,
      body: inv,
      postings,
      status,
      payments: [],
      attachments: [],
    });
    return {
      element: {
        ...inv,
        Date: toXeroMsDate(String(inv.Date)),
        ...(inv.DueDate === undefined ? {} : { DueDate: toXeroMsDate(String(inv.DueDate)) }),
        InvoiceID: id,
        Status: status,
        UpdatedDateUTC: toXeroMsDate(new Date().toISOString()),
      },
    };
  };

  /**
   * A supplier credit note (`ACCPAYCREDIT`): lines credited (net to the line account, VAT to the VAT
   * account, reverse charge self-assessed), accounts payable debited with the total. Same checks as bills.
   */
  const createCreditNote = (tenantId: string, cn: Record<string, unknown>) => {
    const lines = (cn.LineItems as IncomingLine[] | undefined) ?? [];
    const problems = [...dateProblem(cn.Date), ...lineProblems(lines)];
    const contact = cn.Contact as { ContactID?: string; Name?: string } | undefined;
    if (contact?.ContactID !== undefined && ![...contacts.values()].includes(contact.ContactID)) {
      problems.push(`Contact with ContactID '${contact.ContactID}' could not be found.`);
    }
    if (contact?.ContactID === undefined && (contact?.Name ?? '') === '')
      problems.push('A Contact must be specified for this type of transaction.');
    if (cn.Type !== 'ACCPAYCREDIT') problems.push('The fake only implements ACCPAYCREDIT credit notes.');
    if (lines.length === 0) problems.push('A credit note must have at least one line item.');
    if (problems.length > 0) return { problems };
    if (contact?.Name !== undefined && !contacts.has(contact.Name)) contacts.set(contact.Name, randomUUID());
    const currency = String(cn.CurrencyCode ?? organisation.BaseCurrency);
    const types = String(cn.LineAmountTypes ?? 'Exclusive');
    const postings = lines.flatMap((l) => expandLine(l, -1, types, taxRates, currency, vatAccount));
    const total = -postings.reduce((s, p) => s + p.amount, 0);
    if (total <= 0) return { problems: ['The total of a credit note must be positive.'] };
    postings.push({ account: payablesAccount, amount: total });
    const id = randomUUID();
    const status = String(cn.Status ?? 'DRAFT');
    docs.set(id, {
      kind: 'CreditNotes',
      id,
      tenantId,
      currency,
      body: cn,
      postings,
      status,
      payments: [],
      attachments: [],
    });
    return { element: creditNoteElement(id) };
  };

  /** A stored credit note as Xero returns it (`CreditNote`, with totals and the remaining credit). */
  const creditNoteElement = (id: string): Record<string, unknown> => {
    const doc = docs.get(id);
    if (doc === undefined || doc.kind !== 'CreditNotes') throw new Error(`no credit note ${id}`);
    const total = doc.postings.find((p) => p.account === payablesAccount)?.amount ?? 0;
    const tax = -doc.postings.filter((p) => p.account === vatAccount).reduce((s, p) => s + p.amount, 0);
    const refunded = doc.payments.reduce((s, p) => s + p.amount, 0);
    const money = (minor: number) => minorUnitsToDecimal(minor, doc.currency);
    return {
      ...doc.body,
      Date: toXeroMsDate(String(doc.body.Date)),
      ...(doc.body.DueDate === undefined ? {} : { DueDate: toXeroMsDate(String(doc.body.DueDate)) }),
      CreditNoteID: id,
      Status: doc.status,
      SubTotal: money(total - tax),
      TotalTax: money(tax),
      Total: money(total),
      RemainingCredit: money(total - refunded),
      Payments: doc.payments.map((p) => ({ PaymentID: p.paymentId, Amount: money(p.amount) })),
      HasAttachments: doc.attachments.length > 0,
      UpdatedDateUTC: toXeroMsDate(new Date().toISOString()),
    };
  };

  /**
   * A payment against a bill (`Invoice`, money out of the bank) or a refund of a supplier credit note
   * (`CreditNote`, money back into the bank). Only authorised documents, at most the amount outstanding.
   */
  const createPayment = (_tenantId: string, pay: Record<string, unknown>) => {
    const invoiceId = (pay.Invoice as { InvoiceID?: string } | undefined)?.InvoiceID;
    const creditNoteId = (pay.CreditNote as { CreditNoteID?: string } | undefined)?.CreditNoteID;
    const kind = creditNoteId === undefined ? 'Invoices' : 'CreditNotes';
    const documentId = creditNoteId ?? invoiceId ?? '';
    const invoice = docs.get(documentId);
    const accountCode = (pay.Account as { Code?: string } | undefined)?.Code ?? '';
    const problems: string[] = [...dateProblem(pay.Date)];
    if (invoiceId !== undefined && creditNoteId !== undefined)
      problems.push('A payment can be applied to an invoice or a credit note, not both.');
    if (invoice === undefined || invoice.kind !== kind)
      problems.push(`${kind === 'Invoices' ? 'Invoice' : 'Credit note'} '${documentId}' could not be found.`);
    else if (invoice.status !== 'AUTHORISED')
      problems.push('Payments can only be made against Authorised documents.');
    if (!accounts.has(accountCode))
      problems.push(`Account code '${accountCode}' is not a valid code for this document.`);
    if (problems.length > 0 || invoice === undefined) return { problems };
    const amount = decimalToMinorUnits(Number(pay.Amount ?? 0), invoice.currency);
    const due =
      Math.abs(invoice.postings.find((p) => p.account === payablesAccount)?.amount ?? 0) -
      invoice.payments.reduce((s, p) => s + p.amount, 0);
    if (amount > due)
      return { problems: ['Payment amount exceeds the amount outstanding on this document.'] };
    const paymentId = randomUUID();
    invoice.payments.push({ paymentId, amount, account: accountCode });
    if (amount === due) invoice.status = 'PAID';
    return {
      element: { ...pay, Date: toXeroMsDate(String(pay.Date)), PaymentID: paymentId, Status: 'AUTHORISED' },
    };
  };

  const creators = {
    ManualJournals: createManualJournal,
    BankTransactions: createBankTransaction,
    Invoices: createInvoice,
    CreditNotes: createCreditNote,
    Payments: createPayment,
  } as const;

  const putDocuments = (
    tenantId: string,
    collection: keyof typeof creators,
    body: Record<string, unknown[]>,
    summarize: boolean,
  ): StoredResponse => {
    const items = (body[collection] ?? []) as Record<string, unknown>[];
    const create = creators[collection];
    if (summarize) {
      // All-or-nothing: check first by running against a snapshot, then commit.
      const before = new Map(docs);
      const results = items.map((item) => create(tenantId, item));
      if (results.some((r) => 'problems' in r)) {
        docs = before;
        return {
          status: 400,
          body: {
            ErrorNumber: 10,
            Type: 'ValidationException',
            Message: 'A validation exception occurred',
            Elements: results.map((r, i) => ({
              ...items[i],
              ValidationErrors: ('problems' in r ? r.problems : []).map((m) => ({ Message: m })),
            })),
          },
        };
      }
      return {
        status: 200,
        body: { ...JSON_ENVELOPE(), [collection]: results.map((r) => ('element' in r ? r.element : {})) },
      };
    }
    const elements = items.map((item) => {
      const result = create(tenantId, item);
      return 'problems' in result
        ? {
            ...item,
            StatusAttributeString: 'ERROR',
            ValidationErrors: result.problems.map((m) => ({ Message: m })),
          }
        : { ...result.element, StatusAttributeString: 'OK' };
    });
    return { status: 200, body: { ...JSON_ENVELOPE(), [collection]: elements } };
  };

  const putAttachment = (
    tenantId: string,
    endpoint: string,
    id: string,
    fileName: string,
    bytes: Uint8Array,
    mimeType: string,
  ): StoredResponse => {
    const doc = docs.get(id);
    if (doc === undefined || doc.kind !== endpoint || doc.tenantId !== tenantId) {
      return {
        status: 404,
        body: { Type: null, Title: 'NotFound', Status: 404, Detail: `No ${endpoint} with id ${id}` },
      };
    }
    if (bytes.byteLength > 10 * 1024 * 1024) {
      return {
        status: 413,
        body: {
          Type: null,
          Title: 'Request Entity Too Large',
          Status: 413,
          Detail: 'Attachments are limited to 10 MB',
        },
      };
    }
    if (doc.attachments.length >= 10) {
      return {
        status: 400,
        body: {
          ErrorNumber: 10,
          Type: 'ValidationException',
          Message: 'A validation exception occurred',
          Elements: [{ ValidationErrors: [{ Message: 'A document can have at most 10 attachments.' }] }],
        },
      };
    }
    doc.attachments.push({ fileName, mimeType, bytes });
    return {
      status: 200,
      body: {
        ...JSON_ENVELOPE(),
        Attachments: [
          {
            AttachmentID: randomUUID(),
            FileName: fileName,
            Url: `${apiBaseUrl}/${endpoint}/${id}/Attachments/${encodeURIComponent(fileName)}`,
            MimeType: mimeType,
            ContentLength: bytes.byteLength,
          },
        ],
      },
    };
  };

  const getRoute = (path: string, query: Record<string, string>): StoredResponse | undefined => {
    if (path === '/Organisation') {
      return {
        status: 200,
        body: {
          ...JSON_ENVELOPE(),
          Organisations: [
            {
              OrganisationID: '8be9db36-3598-4755-ba5c-c2dbc8c4a7a2',
              Name: organisation.Name,
              ShortCode: organisation.ShortCode,
              BaseCurrency: organisation.BaseCurrency,
              OrganisationStatus: 'ACTIVE',
              Version: 'UK',
              ...(organisation.PeriodLockDate === undefined
                ? {}
                : { PeriodLockDate: toXeroMsDate(organisation.PeriodLockDate) }),
              ...(organisation.EndOfYearLockDate === undefined
                ? {}
                : { EndOfYearLockDate: toXeroMsDate(organisation.EndOfYearLockDate) }),
            },
          ],
        },
      };
    }
    if (path === '/Accounts') {
      return {
        status: 200,
        body: {
          ...JSON_ENVELOPE(),
          Accounts: [...accounts.values()].map((a) => ({
            AccountID: uuidFor(a.Code),
            Code: a.Code,
            Name: a.Name,
            Type: a.Type,
            Status: a.Status ?? 'ACTIVE',
          })),
        },
      };
    }
    if (path === '/TaxRates') {
      return {
        status: 200,
        body: {
          ...JSON_ENVELOPE(),
          TaxRates: [...taxRates.values()].map((t) => ({
            Name: t.Name,
            TaxType: t.TaxType,
            Status: t.Status ?? 'ACTIVE',
            EffectiveRate: t.rate * 100,
            DisplayTaxRate: t.rate * 100,
          })),
        },
      };
    }
    const creditNote = /^\/CreditNotes\/([^/]+)$/.exec(path);
    if (creditNote !== null) {
      const doc = docs.get(creditNote[1] ?? '');
      if (doc === undefined || doc.kind !== 'CreditNotes') {
        return {
          status: 404,
          body: { Type: null, Title: 'NotFound', Status: 404, Detail: 'No credit note' },
        };
      }
      return { status: 200, body: { ...JSON_ENVELOPE(), CreditNotes: [creditNoteElement(doc.id)] } };
    }
    if (path === '/Contacts') {
      const wanted = [...(query.where ?? '').matchAll(/Name=="((?:[^"\\]|\\.)*)"/g)].map((m) =>
        (m[1] ?? '').replace(/\\(.)/g, '$1'),
      );
      const list = [...contacts.entries()].filter(([name]) => wanted.length === 0 || wanted.includes(name));
      return {
        status: 200,
        body: {
          ...JSON_ENVELOPE(),
          Contacts: list.map(([Name, ContactID]) => ({ ContactID, Name, ContactStatus: 'ACTIVE' })),
        },
      };
    }
    return undefined;
  };

  const respond = (stored: StoredResponse, headers: Record<string, string>) =>
    HttpResponse.json(stored.body as Record<string, unknown>, { status: stored.status, headers });

  const apiHandler = http.all(`${apiBaseUrl}/*`, async ({ request }) => {
    const arrived = options.receivedAt?.(request) ?? performance.now();
    const url = new URL(request.url);
    const path = url.pathname.slice(apiPath.length);
    const method = request.method.toUpperCase();
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      headers[key.toLowerCase()] = value;
    });
    const query = Object.fromEntries(url.searchParams);
    const attachment =
      /^\/(ManualJournals|BankTransactions|Invoices|CreditNotes)\/([^/]+)\/Attachments\/([^/]+)$/.exec(path);
    let body: unknown;
    let bytes: Uint8Array | undefined;
    if (method !== 'GET') {
      if (attachment !== null) bytes = new Uint8Array(await request.arrayBuffer());
      else {
        const text = await request.text();
        try {
          body = text === '' ? undefined : JSON.parse(text);
        } catch {
          body = text;
        }
      }
    }
    const validator = await spec();
    const check = validator.checkRequest('accounting', {
      method,
      path,
      query,
      headers,
      body: bytes === undefined ? body : 'binary',
    });
    const idempotencyKey = headers['idempotency-key'];
    const log = (status: number, replayed = false) =>
      requests.push({
        api: 'accounting',
        method,
        path,
        operationId: check.operationId,
        status,
        idempotencyKey,
        replayed,
      });
    if (!check.ok) {
      specViolations.push(`${method} ${path}: ${check.problems.join('; ')}`);
      log(400);
      return HttpResponse.json(
        {
          Type: 'SpecViolation',
          Message: 'Request does not match the Xero OpenAPI spec',
          Problems: check.problems,
        },
        { status: 400 },
      );
    }
    if (!bearerValid(request)) {
      log(401);
      return unauthorized();
    }
    const tenantId = headers['xero-tenant-id'] ?? '';
    if (!seed.tenants.some((t) => t.tenantId === tenantId)) {
      log(403);
      return HttpResponse.json(
        { Type: null, Title: 'Forbidden', Status: 403, Detail: 'AuthenticationUnsuccessful' },
        { status: 403 },
      );
    }
    const fault = takeFault(method === 'PUT' || method === 'POST');
    if (fault?.kind === 'http') {
      log(fault.status);
      const faultHeaders: Record<string, string> = { ...rateHeaders(tenantId) };
      if (fault.retryAfterSeconds !== undefined)
        faultHeaders['retry-after'] = String(fault.retryAfterSeconds);
      if (fault.status === 401) return unauthorized();
      const faultBody =
        fault.status === 400 || fault.status === 422
          ? {
              ErrorNumber: 10,
              Type: 'ValidationException',
              Message: 'A validation exception occurred',
              Elements: [],
            }
          : { Type: null, Title: `HTTP ${fault.status}`, Status: fault.status, Detail: 'Injected fault' };
      return HttpResponse.json(faultBody, { status: fault.status, headers: faultHeaders });
    }
    if (fault?.kind === 'network') {
      log(0);
      return HttpResponse.error();
    }
    if (fault?.kind === 'timeout' && fault.afterCommit !== true) {
      log(0);
      await delay('infinite');
    }

    const window = windowOf(tenantId);
    // Counted at arrival (Xero counts a call when it gets it, not when it gets round to it).
    const admitted = window.admit(arrived);
    if (!admitted.ok) {
      rateLimited++;
      log(429);
      return HttpResponse.json(
        {
          Type: null,
          Title: 'Too Many Requests',
          Status: 429,
          Detail: `Rate limit exceeded (${admitted.problem})`,
        },
        {
          status: 429,
          headers: {
            ...rateHeaders(tenantId),
            'retry-after': String(Math.max(1, Math.ceil(admitted.retryAfterMs / 1000))),
            'x-rate-limit-problem': admitted.problem,
          },
        },
      );
    }
    peak = Math.max(peak, admitted.inFlight);
    let answerAt: number | undefined;
    try {
      const isWrite = method === 'PUT' || method === 'POST';
      const idemKey =
        isWrite && idempotencyKey !== undefined
          ? `${tenantId} ${method} ${path} ${idempotencyKey}`
          : undefined;
      const earlier = idemKey === undefined ? undefined : idempotency.get(idemKey);
      let stored: StoredResponse;
      let replayed = false;
      if (earlier !== undefined) {
        stored = await earlier;
        replayed = true;
      } else {
        const work = (async (): Promise<StoredResponse> => {
          if (isWrite) writes++;
          if (attachment !== null && bytes !== undefined && method === 'PUT') {
            const [, endpoint = '', id = '', name = ''] = attachment;
            return putAttachment(
              tenantId,
              endpoint,
              id,
              decodeURIComponent(name),
              bytes,
              headers['content-type'] ?? 'application/octet-stream',
            );
          }
          const collection = path.slice(1) as keyof typeof creators;
          if (method === 'PUT' && collection in creators) {
            return putDocuments(
              tenantId,
              collection,
              body as Record<string, unknown[]>,
              query.summarizeErrors === 'true',
            );
          }
          const read = method === 'GET' ? getRoute(path, query) : undefined;
          if (read !== undefined) return read;
          specViolations.push(`${method} ${path}: valid per the spec but not implemented by the fake`);
          return { status: 501, body: { Title: 'Not implemented by the Xero fake' } };
        })();
        if (idemKey !== undefined) {
          idempotency.set(idemKey, work);
          work.then(
            (r) => {
              if (r.status >= 500) idempotency.delete(idemKey);
            },
            () => idempotency.delete(idemKey),
          );
        }
        stored = await work;
      }
      if (options.validateResponses !== false && stored.status === 200 && check.operationId !== undefined) {
        for (const problem of validator.checkResponse('accounting', check.operationId, 200, stored.body)) {
          specViolations.push(`${method} ${path} (fake response): ${problem}`);
        }
      }
      // Latency is Xero's response time: processing included — the answer is serialised before the wait —
      // so the fake's own CPU does not add to it (five answers due at once do not queue behind each other).
      const response = respond(stored, {
        ...rateHeaders(tenantId),
        ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
      });
      if (options.deferLatency === true && fault === undefined) {
        // The transport holds the answer until its time; the call is in flight until then.
        answerAt = Math.max(arrived + latencyMs, performance.now());
        response.headers.set(FAKE_ANSWER_AT_HEADER, String(performance.timeOrigin + answerAt));
        log(stored.status, replayed);
        return response;
      }
      const wait = latencyMs - (performance.now() - arrived);
      if (wait > 0) await delay(wait);
      log(stored.status, replayed);
      if (fault?.kind === 'timeout') await delay('infinite'); // afterCommit: the write happened, the answer is lost
      return response;
    } finally {
      admitted.release(answerAt ?? performance.now());
    }
  });

  const connectionsHandler = http.get(`${connectionsBaseUrl}/Connections`, async ({ request }) => {
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      headers[key.toLowerCase()] = value;
    });
    const validator = await spec();
    const check = validator.checkRequest('identity', {
      method: 'GET',
      path: '/Connections',
      query: Object.fromEntries(url.searchParams),
      headers,
    });
    const log = (status: number) =>
      requests.push({
        api: 'identity',
        method: 'GET',
        path: '/Connections',
        operationId: check.operationId,
        status,
        idempotencyKey: undefined,
        replayed: false,
      });
    if (!check.ok) {
      specViolations.push(`GET /Connections: ${check.problems.join('; ')}`);
      log(400);
      return HttpResponse.json({ Problems: check.problems }, { status: 400 });
    }
    if (!bearerValid(request)) {
      log(401);
      return unauthorized();
    }
    log(200);
    const body = seed.tenants.map((t) => ({
      id: uuidFor(`conn-${t.tenantId}`),
      tenantId: t.tenantId,
      tenantName: t.tenantName,
      tenantType: 'ORGANISATION',
      createdDateUtc: '2026-01-01T00:00:00.0000000',
      updatedDateUtc: '2026-01-01T00:00:00.0000000',
    }));
    return HttpResponse.json(body);
  });

  const tokenHandler = http.post(`${identityBaseUrl}/connect/token`, async ({ request }) => {
    const form = new URLSearchParams(await request.text());
    const log = (status: number) =>
      requests.push({
        api: 'token',
        method: 'POST',
        path: '/connect/token',
        operationId: 'token',
        status,
        idempotencyKey: undefined,
        replayed: false,
      });
    const expectedAuth = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
    if (request.headers.get('content-type')?.startsWith('application/x-www-form-urlencoded') !== true) {
      specViolations.push(
        'POST /connect/token: body must be application/x-www-form-urlencoded (RFC 6749 §3.2)',
      );
      log(400);
      return HttpResponse.json({ error: 'invalid_request' }, { status: 400 });
    }
    if (request.headers.get('authorization') !== expectedAuth) {
      log(401);
      return HttpResponse.json({ error: 'invalid_client' }, { status: 401 });
    }
    const grant = form.get('grant_type');
    const now = Date.now();
    const issue = (withRefresh: boolean) => {
      grants++;
      const accessToken = `fake-access-${randomUUID()}`;
      accessTokens.set(accessToken, now + ttl);
      const body: Record<string, unknown> = {
        access_token: accessToken,
        expires_in: ttl / 1000,
        token_type: 'Bearer',
      };
      if (withRefresh) {
        const refreshToken = `fake-refresh-${randomUUID()}`;
        refreshTokens.set(refreshToken, Number.POSITIVE_INFINITY);
        body.refresh_token = refreshToken;
      }
      log(200);
      return HttpResponse.json(body);
    };
    if (grant === 'client_credentials') return issue(false);
    if (grant === 'refresh_token') {
      const presented = form.get('refresh_token') ?? '';
      const validUntil = refreshTokens.get(presented);
      if (validUntil === undefined || validUntil < now) {
        log(400);
        return HttpResponse.json({ error: 'invalid_grant' }, { status: 400 });
      }
      refreshTokens.set(presented, Math.min(validUntil, now + grace)); // rotated: old one lives on for the grace period
      return issue(true);
    }
    log(400);
    return HttpResponse.json({ error: 'unsupported_grant_type' }, { status: 400 });
  });

  /**
   * Each document, and each payment as its own document: a bill payment (debit payables, credit the
   * bank) or a credit-note refund (debit the bank, credit payables), both Σ debit = Σ credit = amount.
   */
  const toErpDocuments = (doc: FakeXeroDocument): ErpDocument[] => {
    const t = totals(doc.postings);
    return [
      {
        externalId: doc.id,
        currency: doc.currency,
        debit: t.debit,
        credit: t.credit,
        attachments: doc.attachments.map((a) => ({ fileName: a.fileName, bytes: a.bytes })),
      },
      ...doc.payments.map((p) => ({
        externalId: p.paymentId,
        currency: doc.currency,
        debit: p.amount,
        credit: p.amount,
        attachments: [],
      })),
    ];
  };

  const handlers: RequestHandler[] = [tokenHandler, connectionsHandler, apiHandler];
  return {
    handlers,
    options: {
      apiBaseUrl,
      connectionsBaseUrl,
      identityBaseUrl,
      clientId,
      clientSecret,
      refreshToken: initialRefreshToken,
    },
    seed,
    requests,
    specViolations,
    reset() {
      docs = new Map();
      contacts = new Map(baseSeed.contacts.map((c) => [c.Name, c.ContactID]));
      idempotency = new Map();
      faults = [];
      writes = 0;
      windows = new Map();
      peak = 0;
      rateLimited = 0;
      requests.length = 0;
      specViolations.length = 0;
      organisation = { ...baseSeed.organisation };
      Object.assign(seed, { organisation });
    },
    async listDocuments() {
      return [...docs.values()].flatMap(toErpDocuments);
    },
    async writeCount() {
      return writes;
    },
    injectFault(fault) {
      faults.push({ fault, left: fault.times ?? 1 });
    },
    assertSpecCompliant() {
      if (specViolations.length > 0) {
        throw new Error(`Requests broke the Xero spec:\n${specViolations.join('\n')}`);
      }
    },
    documents() {
      return [...docs.values()];
    },
    expireAccessTokens() {
      for (const token of accessTokens.keys()) accessTokens.set(token, 0);
    },
    tokenGrants() {
      return grants;
    },
    updateOrganisation(patch) {
      organisation = { ...organisation, ...patch };
      Object.assign(seed, { organisation });
    },
    peakConcurrency() {
      return peak;
    },
    rateLimitedCount() {
      return rateLimited;
    },
  };
}

/** A stable UUID-shaped id derived from a string (for seed ids). */
function uuidFor(value: string): string {
  const hex = Buffer.from(value.padEnd(16, '.')).toString('hex').padEnd(32, '0').slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
