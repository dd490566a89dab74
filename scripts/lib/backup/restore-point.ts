// "--until": the minute to restore to, as a bookseller writes it (Paris time) or as ISO 8601.

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The offset of Europe/Paris at `instant`, in minutes (60 in winter, 120 in summer). */
function parisOffsetMinutes(instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** "2026-12-07 12:34" (Paris) or "2026-12-07T11:34:00Z" → the instant; null when unreadable. */
export function parseRestorePoint(text: string): Date | null {
  const local = LOCAL.exec(text.trim());
  if (local) {
    const [y, mo, d, h, mi, s = 0] = local.slice(1).flatMap((part) => (part === undefined ? [] : [Number(part)]));
    const naive = Date.UTC(y!, mo! - 1, d!, h!, mi!, s);
    // 2026-02-30 is not a day: Date.UTC would roll it over to March.
    if (new Date(naive).getUTCDate() !== d || h! > 23 || mi! > 59 || s > 59) return null;
    // The offset at the naive instant, then at the corrected one (they differ only around a change of hour).
    const first = naive - parisOffsetMinutes(new Date(naive)) * 60_000;
    const instant = naive - parisOffsetMinutes(new Date(first)) * 60_000;
    return Number.isNaN(instant) ? null : new Date(instant);
  }
  if (!/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(text.trim())) return null;
  const instant = new Date(text.trim());
  return Number.isNaN(instant.getTime()) ? null : instant;
}

export function formatParis(instant: Date): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'medium' }).format(
    instant,
  );
}
