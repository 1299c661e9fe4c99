/**
 * Whether this process is the single executable (`dist/pkg/hurtrock`) and where its files are.
 * The executable's bootstrap (src/sea/main.ts) sets this before any application module loads;
 * under `npm start`, tests and tsx it stays undefined and files come from the repository.
 */
export interface PackagedRuntime {
  /** Folder laid out like the repository (dist/public, public/static, src/db/migrations, node_modules/…). */
  root: string;
  version: string;
}

const KEY = '__hurtrockPackaged';

export function packagedRuntime(): PackagedRuntime | undefined {
  return (globalThis as Record<string, unknown>)[KEY] as PackagedRuntime | undefined;
}

export function setPackagedRuntime(runtime: PackagedRuntime): void {
  (globalThis as Record<string, unknown>)[KEY] = runtime;
}
