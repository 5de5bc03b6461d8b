import { Command, Option } from 'commander';
import { LOG_LEVELS } from '../logging/create-runner-logger';
import { registerConnectorsCommand } from './commands/connectors-command';
import { registerDemoCommand } from './commands/demo-command';
import { registerDoctorCommand } from './commands/doctor-command';
import { registerExportCommand } from './commands/export-command';
import { registerRunCommand } from './commands/run-command';
import { registerSandboxCommand } from './commands/sandbox-command';

/** The `ledgerport` command line (commander): demo, run, export, doctor, connectors, sandbox. */
export function createProgram(): Command {
  const program = new Command('ledgerport')
    .description('Ledgerport: export Pleo accounting entries into each company’s accounting system')
    .option(
      '-c, --config <file>',
      'config file (default: ledgerport.config.{ts,json,yaml} in the current folder)',
    )
    .addOption(new Option('--log-level <level>', 'log level').choices([...LOG_LEVELS]))
    .showHelpAfterError()
    .exitOverride();
  registerDemoCommand(program);
  registerRunCommand(program);
  registerExportCommand(program);
  registerDoctorCommand(program);
  registerConnectorsCommand(program);
  registerSandboxCommand(program);
  return program;
}
