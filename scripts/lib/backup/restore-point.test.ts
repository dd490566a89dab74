import { describe, expect, it } from 'vitest';
import { parseRestorePoint } from './restore-point';

describe('the restore point', () => {
  it('reads a Paris time, winter and summer, and ISO 8601', () => {
    expect(parseRestorePoint('2026-12-07 12:34')?.toISOString()).toBe('2026-12-07T11:34:00.000Z');
    expect(parseRestorePoint('2026-07-14 09:00:30')?.toISOString()).toBe('2026-07-14T07:00:30.000Z');
    expect(parseRestorePoint('2026-12-07T11:34:00Z')?.toISOString()).toBe('2026-12-07T11:34:00.000Z');
    expect(parseRestorePoint('2026-12-07T12:34:00+01:00')?.toISOString()).toBe('2026-12-07T11:34:00.000Z');
  });

  it('refuses what it cannot read rather than guess', () => {
    expect(parseRestorePoint('hier soir')).toBeNull();
    expect(parseRestorePoint('2026-02-30 12:34')).toBeNull();
    expect(parseRestorePoint('2026-12-07 25:00')).toBeNull();
    expect(parseRestorePoint('07/12/2026 12:34')).toBeNull();
  });
});
