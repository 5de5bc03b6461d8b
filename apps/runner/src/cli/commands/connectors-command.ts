import type { Command } from 'commander';
import { createConnectorRegistry } from '../../registry/connector-registry';
import { renderTable } from '../output/render-table';

/**
 * `ledgerport connectors [--json]`: the installed connectors with their manifests (display name,
 * auth, delivery, idempotency, attachments, entry types, docs), and any connector package that could
 * not be used, with the reason.
 */
export function registerConnectorsCommand(program: Command): void {
  program
    .command('connectors')
    .description('list the installed connectors and their manifests')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { json?: boolean }) => {
      const registry = await createConnectorRegistry();
      const connectors = registry.list();
      if (options.json === true) {
        const json = {
          connectors: connectors.map((c) => ({
            id: c.id,
            package: c.packageName,
            manifest: c.connector.manifest,
            secretFields: c.connector.secretFields,
          })),
          unavailable: registry.unavailable,
        };
        process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
        return;
      }
      const rows = connectors.map(({ id, packageName, connector: { manifest } }) => [
        id,
        `${manifest.displayName}\n${packageName}`,
        manifest.authMode,
        `${manifest.delivery}, idempotency ${manifest.idempotency}, ×${manifest.maxConcurrency}, batch ${manifest.batchSize}`,
        manifest.attachments.supported
          ? `yes, ≤${Math.round(manifest.attachments.maxBytes / 1_048_576)} MB`
          : 'no',
        `${manifest.entryTypes.length} types; ${manifest.bookkeepingMethods.join(', ')}${manifest.vendorBasedBookkeeping ? '; vendors' : ''}`,
        manifest.docsUrl,
      ]);
      process.stdout.write(
        `${renderTable(['Id', 'Connector', 'Auth', 'Delivery', 'Receipts', 'Entries', 'Docs'], rows)}\n`,
      );
      for (const missing of registry.unavailable) {
        process.stdout.write(`not available: ${missing.packageName}: ${missing.reason}\n`);
      }
    });
}
