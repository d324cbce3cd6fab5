import type { ChildProcess } from 'node:child_process';

export interface ServerProcess {
  url: string;
  dir: string;
  db: string;
  /** The PostgreSQL database the server uses, when it uses one. */
  databaseUrl: string | undefined;
  process: ChildProcess;
  output: () => string;
  /** Sends the signal (SIGTERM by default) and resolves with the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

export function startServerProcess(
  env?: Record<string, string>,
  options?: { dir?: string; db?: string; keepFiles?: boolean; postgres?: string; databaseUrl?: string },
): Promise<ServerProcess>;

export function createDatabase(url: string): Promise<string>;
export function dropDatabase(url: string): Promise<void>;
