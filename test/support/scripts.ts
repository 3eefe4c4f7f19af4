import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface ScriptRun {
  code: number | null;
  out: string;
  err: string;
}

/** Runs `scripts/<name>` as `npm run` would (node --import tsx), with only `env` beyond PATH and HOME. */
export function runScript(name: string, args: string[] = [], env: Record<string, string> = {}): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', name), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.on('error', reject);
    proc.on('exit', (code) => resolve({ code, out, err }));
  });
}

/** `url` with a password in it (ignored under trust auth), to prove no message ever shows it. */
export function withPassword(url: string, password: string, change: (u: URL) => void = () => {}): string {
  const u = new URL(url);
  u.password = password;
  change(u);
  return u.toString();
}
