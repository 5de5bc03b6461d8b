/** A voucher row as posted (`fortnox_Voucher_VoucherRow`): `Account` is a 4-digit BAS account number. */
export interface FortnoxVoucherRow {
  readonly Account: number;
  readonly Debit?: number;
  readonly Credit?: number;
  readonly TransactionInformation?: string;
  readonly CostCenter?: string;
  readonly Project?: string;
}

/** The voucher body of `POST /3/vouchers` (`fortnox_Voucher`, required: Description, TransactionDate, VoucherSeries, Year). */
export interface FortnoxVoucher {
  /** 1–200 characters. */
  readonly Description: string;
  /** ISO `YYYY-MM-DD`. */
  readonly TransactionDate: string;
  readonly VoucherSeries: string;
  /** Financial year id (`FinancialYear.Id`), as the `financialyear` query parameter. */
  readonly Year: number;
  readonly ReferenceType: 'MANUAL';
  readonly ReferenceNumber: string;
  /** ≤ 1000 characters. */
  readonly Comments?: string;
  readonly VoucherRows: readonly FortnoxVoucherRow[];
}

/** A voucher as Fortnox returns it (`fortnox_Voucher` / `fortnox_VoucherListItem`). */
export interface FortnoxVoucherResponse {
  readonly VoucherNumber?: number;
  readonly VoucherSeries?: string;
  readonly Year?: number;
  readonly ReferenceNumber?: string;
  readonly ReferenceType?: string;
  readonly TransactionDate?: string;
  readonly '@url'?: string;
}
