/**
 * Child process of the runner's Xero lifecycle benchmark: the Pleo sandbox (`pleo-sandbox-host.ts`) on its
 * own CPU, driven over IPC — `ready` {baseUrl, apiKey, companyId} once listening; `job` {namespace, count}
 * → `job` {jobId}; `inspect` {jobId} → `inspect` {readBack}; `close`.
 */
import { startSandboxHost } from './pleo-sandbox-host.ts';

const host = await startSandboxHost(Number(process.env.PLEO_LATENCY_MS ?? 0));
const send = (message: object) => process.send?.(message);

process.on('message', (message: { type: string; namespace?: number; count?: number; jobId?: string }) => {
  const reply = async () => {
    if (message.type === 'job')
      send({ type: 'job', jobId: await host.createJob(message.namespace ?? 0, message.count ?? 0) });
    else if (message.type === 'inspect')
      send({ type: 'inspect', readBack: await host.inspect(message.jobId ?? '') });
    else if (message.type === 'close') {
      await host.close();
      process.exit(0);
    }
  };
  reply().catch((error: unknown) => {
    console.error('pleo sandbox process failed:', error);
    process.exit(1);
  });
});
send({ type: 'ready', baseUrl: host.baseUrl, apiKey: host.apiKey, companyId: host.companyId });
