import type { ChildProcess } from 'node:child_process';

export interface ServerProcess {
  url: string;
  dir: string;
  db: string;
  process: ChildProcess;
  output: () => string;
  /** Sends the signal (SIGTERM by default) and resolves with the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

export function startServerProcess(
  env?: Record<string, string>,
  options?: { dir?: string; db?: string; keepFiles?: boolean },
): Promise<ServerProcess>;
