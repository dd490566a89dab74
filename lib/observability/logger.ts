import pino, { type Logger } from 'pino';
import { currentContext } from './request-context';
import { readObservabilitySettings } from './settings';

// The shop's logs: one JSON object per line on stdout (pino, https://getpino.io), for a log
// collector to read; `npm start | npx pino-pretty` for a person (README, "Lire les journaux").
// Each line carries the id of the request or the job it belongs to (request-context.ts), and
// which process wrote it (the app or the worker), so one request can be followed into the jobs it
// queued. Errors go under `err` (pino's serializer: type, message, stack, cause).

export type ProcessName = 'app' | 'worker';

type LoggerHolder = { logger: Logger; process: ProcessName };

// Next's server bundle and scripts/serve.ts load separate copies of this module: one logger.
const LOGGER_KEY = Symbol.for('librairie.logger');

function holder(): LoggerHolder {
  const global = globalThis as typeof globalThis & { [LOGGER_KEY]?: LoggerHolder };
  global[LOGGER_KEY] ??= createHolder();
  return global[LOGGER_KEY];
}

function withoutClient<T extends object>(serialized: T): T {
  if (!('client' in serialized)) return serialized;
  const { client: _client, ...rest } = serialized;
  return rest as T;
}

function createHolder(): LoggerHolder {
  const state: LoggerHolder = {
    process: 'app',
    logger: pino({
      level: readObservabilitySettings().LOG_LEVEL,
      base: { pid: process.pid },
      // ISO time: read by a person and by jq alike.
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // pg's errors carry their whole Client (`client`): kilobytes of sockets and type tables per line.
      serializers: { err: (error: Error) => withoutClient(pino.stdSerializers.err(error)) },
      mixin: () => ({ process: state.process, ...currentContext() }),
    }),
  };
  return state;
}

/** The worker names itself, so its lines can be told from the app's in one stream. */
export function nameProcess(name: ProcessName): void {
  holder().process = name;
}

/** The shop's logger: `logger.info({ orderId }, 'message')`, `logger.error({ err }, 'message')`. */
export const logger: Logger = holder().logger;
