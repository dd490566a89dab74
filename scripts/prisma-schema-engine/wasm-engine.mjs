// Loads @prisma/schema-engine-wasm and builds a SchemaEngine on a driver adapter factory.
import { readFile } from 'node:fs/promises';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

/**
 * The package's entry point imports the .wasm file as an ES module, which Node 20 only does
 * behind --experimental-wasm-modules; instantiating the bytes ourselves needs no flag.
 */
async function loadSchemaEngineModule() {
  const bindingsUrl = import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bindings = await import(bindingsUrl);
  const bytes = await readFile(new URL('./schema_engine_bg.wasm', bindingsUrl));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bindings });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bindings;
}

/**
 * A Rust panic inside WebAssembly surfaces in JS as "RuntimeError: unreachable"; the engine
 * reports the real message through this global first
 * (prisma-engines: schema-engine/schema-engine-wasm/src/wasm/engine.rs, register_panic_hook).
 */
export const panicRegistry = {
  message: undefined,
  set_message(message) {
    this.message = message;
  },
};
globalThis.PRISMA_WASM_PANIC_REGISTRY = panicRegistry;

/**
 * @param {{ datamodels: [string, string][] | undefined, adapterFactory: object, onLog: (line: string) => void }} options
 */
export async function createSchemaEngine({ datamodels, adapterFactory, onLog }) {
  const { SchemaEngine } = await loadSchemaEngineModule();
  // The engine expects adapter calls to return `{ ok, value | error }` results, which is what
  // the binder from driver-adapter-utils wraps around a plain adapter factory.
  const boundFactory = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  const engine = await SchemaEngine.new({ datamodels }, onLog, boundFactory);
  return engine;
}

/** The prisma-engines commit the WebAssembly engine was built from. */
export async function schemaEngineVersion() {
  return (await loadSchemaEngineModule()).version();
}
