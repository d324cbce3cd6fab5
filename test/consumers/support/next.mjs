/**
 * `next build`, then `next start` on a free port, for the Next.js consumer. Next.js 16 runs on
 * Node ≥ 20.9, so the machine's Node 20 is enough (no other Node is installed for it).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { run } from './project.mjs';

const env = (extra) => ({ ...process.env, ...extra, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' });

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** `extra`: environment for the build and the server (the review API's URL). */
export async function startNext(dir, extra = {}) {
  const build = await run('npx', ['next', 'build'], { cwd: dir, env: env(extra) });
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'],
    { cwd: dir, env: env(extra), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`next start did not get ready:\n${output}`)), 60_000);
    child.stdout.on('data', () => {
      if (/Ready|started server|Local:/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((code) => reject(new Error(`next start exited with ${code}:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    buildOutput: build.stdout + build.stderr,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
