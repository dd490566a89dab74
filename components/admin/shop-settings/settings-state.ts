import type { Failure } from '@/lib/core/result';

/** What the settings form shows after posting: an error with the values typed, or the new version. */
export type SettingsState =
  (Failure & { values?: Record<string, string> }) | { ok: true; message: string; version: number } | null;
