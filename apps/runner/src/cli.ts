import { runCli } from './cli/run-cli';

/** The `ledgerport` bin (built to `dist/cli.js` with a shebang). */
const code = await runCli(process.argv.slice(2));
process.exitCode = code;
