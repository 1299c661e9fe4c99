/**
 * `request.log` made when a request first logs, not when it arrives. Fastify gives every request a
 * pino child bound to its id; making one serializes the bindings through the redaction rules,
 * ~6 % of what a cached page costs, for requests that at the production level (warn) mostly log
 * nothing. A call below the level returns at once, as pino's own would; the first call at or above
 * it makes the real child, which answers from then on.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Bindings, ChildLoggerOptions, Level } from 'pino';

type LogFn = FastifyBaseLogger['info'];

interface LevelAware {
  isLevelEnabled?(level: string): boolean;
}

class LazyChildLogger {
  private made: FastifyBaseLogger | undefined;

  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly bindings: Bindings,
    private readonly options: ChildLoggerOptions,
  ) {}

  private real(): FastifyBaseLogger {
    this.made ??= this.parent.child(this.bindings, this.options);
    return this.made;
  }

  get level(): string {
    return this.made ? this.made.level : this.parent.level;
  }

  set level(level: string) {
    this.real().level = level;
  }

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.real().child(bindings, options);
  }

  silent: LogFn = () => {};
  fatal = this.atLevel('fatal');
  error = this.atLevel('error');
  warn = this.atLevel('warn');
  info = this.atLevel('info');
  debug = this.atLevel('debug');
  trace = this.atLevel('trace');

  private atLevel(level: Level): LogFn {
    return ((...args: Parameters<LogFn>) => {
      const enabled = ((this.made ?? this.parent) as LevelAware).isLevelEnabled?.(level) ?? true;
      if (enabled) (this.real()[level] as (...a: unknown[]) => void)(...args);
    }) as LogFn;
  }
}

/** Fastify's `childLoggerFactory`: a child with a level of its own (a route's logLevel) is made at once. */
export function lazyChildLoggerFactory(logger: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions): FastifyBaseLogger {
  return options.level ? logger.child(bindings, options) : (new LazyChildLogger(logger, bindings, options) as unknown as FastifyBaseLogger);
}
