import { CANONICAL_FIXTURE_NAMES, canonicalEntries } from '@ledgerport/testkit';

const entries = canonicalEntries();
entries.forEach((e, i) => {
  console.log(
    CANONICAL_FIXTURE_NAMES[i],
    e.kind,
    e.type,
    e.bookkeepingMethod,
    e.currency,
    e.postingMode,
    e.postingDate,
    'files',
    e.files.length,
    'vendor',
    e.vendor?.name ?? '-',
  );
  for (const l of e.lines)
    console.log(
      '   ',
      l.role,
      l.side,
      l.account,
      l.amount,
      l.tax ? `${l.tax.code}/${l.tax.type}/${l.tax.rate}/${l.tax.amount}` : '',
      l.sourceLineId ?? '',
      l.dimensions.map((d) => d.dimension + '=' + d.value).join(','),
    );
  if (e.kind === 'supplier_invoice' && e.payment)
    for (const l of e.payment.lines) console.log('    pay', l.role, l.side, l.account, l.amount);
});
