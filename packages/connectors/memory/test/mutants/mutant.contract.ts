import { testConnector } from '@ledgerport/testkit';
import { API_KEY, MUTANTS } from './mutants';

const name = process.env.LEDGERPORT_MUTANT ?? '';
const mutant = MUTANTS[name];
if (mutant === undefined)
  throw new Error(`LEDGERPORT_MUTANT must name a mutant: ${Object.keys(MUTANTS).join(', ')}`);
const { connector, erp } = mutant.build();

testConnector({
  name: `mutant ${name}`,
  connector,
  erp,
  config: {
    valid: { ledgerName: 'mutant', apiKey: API_KEY },
    missing: { ledgerName: 'mutant' },
    invalid: { ledgerName: 'Not A Name!', apiKey: API_KEY },
  },
  ...(mutant.refuses === undefined ? {} : { refuses: mutant.refuses }),
  ...(process.env.LEDGERPORT_MUTANT_SKIP === undefined
    ? {}
    : { skip: { errors: process.env.LEDGERPORT_MUTANT_SKIP } }),
});
