/**
 * Packs the library as `npm publish` would and installs the tarball into consumer projects.
 *
 * The pack runs in a copy of the working tree (tracked and new files, no dist/): that is what a
 * fresh clone has, so `prepack` must build everything, and the repository's own dist/ (which the
 * browser tests serve) is left alone. node_modules is a link to the repository's, as an install.
 * Consumer installs go through the npm cache (`--prefer-offline`), so a rerun downloads nothing.
 */
import { execFile as execFileCb, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFile = promisify(execFileCb);
export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** A temporary folder for this run, removed when the process exits unless KEEP_CONSUMERS is set. */
export const WORK = mkdtempSync(join(tmpdir(), 'review-elements-consumers-'));
process.once('exit', () => {
  if (!process.env.KEEP_CONSUMERS) rmSync(WORK, { recursive: true, force: true });
});

/** Runs a command, failing with its whole output (a build's error is the useful part). */
export async function run(cmd, args, options = {}) {
  try {
    return await execFile(cmd, args, { maxBuffer: 64 * 1024 * 1024, timeout: 300_000, ...options });
  } catch (error) {
    throw new Error(
      `${cmd} ${args.join(' ')} failed in ${options.cwd ?? process.cwd()}:\n${error.stdout ?? ''}\n${error.stderr ?? error.message}`,
      { cause: error },
    );
  }
}

/** `npm pack` of a clean copy of the repository; returns the tarball's path. */
export async function packTarball() {
  const copy = join(WORK, 'clone');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((f) => f && !f.startsWith('dist/'));
  for (const file of files) {
    mkdirSync(join(copy, dirname(file)), { recursive: true });
    try {
      cpSync(join(ROOT, file), join(copy, file));
    } catch (error) {
      if (error.code !== 'ENOENT') throw error; // deleted in the working tree, not yet in git
    }
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', WORK], { cwd: copy });
  // prepack's build logs come first; the JSON array is the last thing npm prints.
  const [info] = JSON.parse(stdout.slice(stdout.search(/^\[\s*\{/m)));
  return { tarball: join(WORK, info.filename), files: info.files.map((f) => f.path) };
}

/**
 * Copies test/consumers/fixtures/<name> to the work folder and installs its dependencies with the
 * tarball (a real install, as from the registry: npm extracts it, nothing links to this repository).
 */
export async function installFixture(name, tarball, extra = []) {
  const dir = join(WORK, name);
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball, ...extra], {
    cwd: dir,
  });
  return dir;
}

export function listFixture(name, sub) {
  return readdirSync(join(FIXTURES, name, sub));
}
