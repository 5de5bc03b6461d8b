import { quoteSieField, type SieToken } from '../format/sie-field';

/** One field as written: bare (`5800`), quoted (`"Taxi"`), or an object list (`{6 "P-001"}`). */
export type SieField =
  | { readonly kind: 'bare'; readonly value: string }
  | { readonly kind: 'quoted'; readonly value: string }
  | { readonly kind: 'list'; readonly items: readonly SieField[] };

/** A SIE record: `#LABEL field field …`, with an indent for `#TRANS` rows inside `{ }`. */
export interface SieRecord {
  readonly label: string;
  readonly fields: readonly SieField[];
  readonly indent?: string | undefined;
}

/** Shorthands for record fields. */
export const bare = (value: string): SieField => ({ kind: 'bare', value });
export const quoted = (value: string): SieField => ({ kind: 'quoted', value });
export const list = (items: readonly SieField[]): SieField => ({ kind: 'list', items });

function renderField(field: SieField): string {
  if (field.kind === 'bare') return field.value;
  if (field.kind === 'quoted') return quoteSieField(field.value);
  return `{${field.items.map(renderField).join(' ')}}`;
}

/** The record as one line (without the line break). */
export function renderSieRecord(record: SieRecord): string {
  return `${record.indent ?? ''}${[record.label, ...record.fields.map(renderField)].join(' ')}`;
}

/** The record as the tokens `#KSUMMA` is computed over (label, then each field's content). */
export function sieRecordTokens(record: SieRecord): SieToken[] {
  return [
    { kind: 'field', value: record.label },
    ...record.fields.map(
      (field): SieToken =>
        field.kind === 'list'
          ? { kind: 'list', items: field.items.map((item) => (item.kind === 'list' ? '' : item.value)) }
          : { kind: 'field', value: field.value },
    ),
  ];
}
