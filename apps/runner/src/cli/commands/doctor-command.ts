import { createConnectorContext, createRedactingLogger, noopLogger, redactText } from '@ledgerport/core';
import type { ExportJobV3 } from '@ledgerport/pleo';
import type { Command } from 'commander';
import { loadConfig } from '../../config/load-config';
import { createRunnerLogger } from '../../logging/create-runner-logger';
import { createConnectorRegistry } from '../../registry/connector-registry';
import { createRunner } from '../../service/create-runner';
import { oneLine } from '../../service/run-claimed-job';
import { companyCredentials } from '../../store/company-credentials';
import { CliError } from '../cli-error';
import type { ConfigCommandOptions } from '../global-options';
import { renderTable } from '../output/render-table';

/** One doctor check. */
interface Check {
  readonly check: string;
  readonly target: string;
  readonly ok: boolean;
  readonly detail: string;
}

/**
 * `ledgerport doctor [--json]`: checks the config (schema, secrets, each company's connector config),
 * the store, Pleo reachability and credentials per company (one jobs listing), and each company's
 * connector (`authenticate`, then the read-only job-level `validate` with a probe job). Prints a
 * table; exit 1 when any check failed.
 */
export function registerDoctorCommand(program: Command): void {
  program
    .command('doctor')
    .description('check the config, Pleo and each company’s connector')
    .option('--json', 'print the checks as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const global = command.optsWithGlobals<ConfigCommandOptions>();
      const checks: Check[] = [];
      const loaded = await loadConfig({ file: global.config });
      const registry = await createConnectorRegistry();
      const runner = createRunner({
        loaded,
        registry,
        logger: (secretValues) => createRunnerLogger({ level: global.logLevel ?? 'warn', secretValues }),
      });
      const redact = (text: string) => redactText(text, runner.secretValues);
      checks.push({
        check: 'config',
        target: loaded.file ?? 'inline',
        ok: true,
        detail: `${runner.companies.length} companies, connectors valid`,
      });
      try {
        const store = await runner.store();
        checks.push({ check: 'store', target: store.kind, ok: true, detail: 'opened and migrated' });
      } catch (error) {
        checks.push({
          check: 'store',
          target: loaded.config.store.type,
          ok: false,
          detail: redact(oneLine(error)),
        });
      }
      for (const company of runner.companies) {
        const pleo = runner.pleo(company.companyId);
        let probe: ExportJobV3 | undefined;
        try {
          for await (const job of pleo.listJobs({ companyId: company.companyId, limit: 1 })) {
            probe = job;
            break;
          }
          checks.push({
            check: 'Pleo',
            target: company.name,
            ok: true,
            detail: `reachable at ${runner.pleoUrl}`,
          });
        } catch (error) {
          checks.push({
            check: 'Pleo',
            target: company.name,
            ok: false,
            detail: `${runner.pleoUrl}: ${redact(oneLine(error))}`,
          });
        }
        const job: ExportJobV3 = probe ?? probeJob(company.companyId);
        const parsed = company.connector.configSchema.parse(company.config);
        const store = await runner.store().catch(() => undefined);
        const ctx = createConnectorContext({
          job,
          config: parsed,
          secrets: company.secrets,
          secretFields: company.connector.secretFields,
          logger: createRedactingLogger(noopLogger, runner.secretValues),
          ...(store === undefined
            ? {}
            : { credentials: companyCredentials(store.credentials, company.companyId) }),
        });
        const target = `${company.name} (${company.connector.id})`;
        try {
          await company.connector.authenticate(ctx);
          checks.push({ check: 'authenticate', target, ok: true, detail: 'ok' });
          const report = await company.connector.validate(ctx, job, []);
          const issue = report.jobIssues[0];
          checks.push({
            check: 'validate',
            target,
            ok: issue === undefined,
            detail:
              issue === undefined
                ? `ok${report.lockedThrough ? `; locked through ${report.lockedThrough}` : ''}`
                : `${issue.reason}: ${issue.message}`,
          });
        } catch (error) {
          checks.push({ check: 'connector', target, ok: false, detail: redact(oneLine(error)) });
        }
      }
      await runner.close();
      if (options.json === true)
        process.stdout.write(`${JSON.stringify({ ok: checks.every((c) => c.ok), checks }, null, 2)}\n`);
      else {
        process.stdout.write(
          `${renderTable(
            ['Check', 'Target', 'Result', 'Detail'],
            checks.map((c) => [c.check, c.target, c.ok ? 'ok' : 'FAILED', c.detail]),
          )}\n`,
        );
      }
      const failed = checks.filter((c) => !c.ok);
      if (failed.length > 0)
        throw new CliError(
          `${failed.length} check(s) failed: ${failed.map((c) => `${c.check} ${c.target}`).join(', ')}`,
        );
    });
}

/** A stand-in job for readiness checks when the company has no job yet (never sent to Pleo). */
function probeJob(companyId: string): ExportJobV3 {
  const now = new Date().toISOString();
  return {
    id: '00000000-0000-4000-8000-000000000000',
    companyId,
    status: 'pending',
    createdAt: now,
    expiresIn: 3600,
    isInteractive: false,
    numberOfItems: 0,
    vendorBasedBookkeeping: false,
  } as ExportJobV3;
}
