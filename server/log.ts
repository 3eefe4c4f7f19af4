export type LogLevel = 'silent' | 'error' | 'info' | 'debug';
export interface Logger {
  error(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  debug(msg: string, fields?: Record<string, unknown>): void;
  /** Whether entries at `level` are written: lets a hot path skip building them. */
  enabled?(level: Exclude<LogLevel, 'silent'>): boolean;
}

const RANK: Record<LogLevel, number> = { silent: 0, error: 1, info: 2, debug: 3 };

/** One JSON line per entry on stderr, so request ids can be grepped across a log. */
export function createLogger(level: LogLevel): Logger {
  const at = (l: Exclude<LogLevel, 'silent'>) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (RANK[level] < RANK[l]) return;
    process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), level: l, msg, ...fields })}\n`);
  };
  return { error: at('error'), info: at('info'), debug: at('debug'), enabled: (l) => RANK[level] >= RANK[l] };
}
