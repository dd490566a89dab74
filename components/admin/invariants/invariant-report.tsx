import Link from 'next/link';
import { formatDateTime } from '@/lib/core/date-time';
import {
  INVARIANT_CODES,
  INVARIANT_RULES,
  subjectHref,
  subjectLabel,
  VIOLATIONS_KEPT_PER_RULE,
} from '@/lib/invariants/invariants';
import type { RecordedCheck } from '@/lib/data/watch/invariants';

/** A check older than this means the worker no longer runs it (it runs every five minutes). */
const STALE_AFTER_MS = 15 * 60_000;

function plural(count: number, word: string): string {
  return `${count} ${word}${count > 1 ? 's' : ''}`;
}

/** When the last check ran, who asked for it, and what it found in a sentence. */
export function CheckStatus({ check, now }: { check: RecordedCheck | null; now: Date }) {
  if (!check)
    return (
      <p role="status">
        Aucune vérification encore : la tâche de fond la fait toutes les cinq minutes, ou lancez-la maintenant.
      </p>
    );
  const seconds = (check.finishedAt.getTime() - check.startedAt.getTime()) / 1000;
  const stale = now.getTime() - check.finishedAt.getTime() > STALE_AFTER_MS;
  return (
    <>
      <p role="status">
        Dernière vérification le {formatDateTime(check.finishedAt)}
        {check.staffName ? `, demandée par ${check.staffName}` : ', par la tâche de fond'}, en{' '}
        {seconds.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} s :{' '}
        <strong>{check.violationCount === 0 ? 'aucune anomalie' : plural(check.violationCount, 'anomalie')}</strong>.
      </p>
      {stale && (
        <p className="form-error">
          Cette vérification date de plus de quinze minutes : la tâche de fond (<code>npm start</code> la lance) est
          peut-être arrêtée.
        </p>
      )}
    </>
  );
}

/**
 * Every rule with its count, then the violations of each rule that has some. Without a front
 * cache (`frontCache` false) its purges are not checked: nothing sends them.
 */
export function InvariantReport({ check, frontCache }: { check: RecordedCheck; frontCache: boolean }) {
  const failing = INVARIANT_CODES.filter((code) => check.counts[code] > 0);
  return (
    <>
      <table className="admin-table">
        <caption>Ce qui doit toujours être vrai</caption>
        <thead>
          <tr>
            <th scope="col">Règle</th>
            <th scope="col">Anomalies</th>
            <th scope="col">Pourquoi</th>
          </tr>
        </thead>
        <tbody>
          {INVARIANT_CODES.map((code) => (
            <tr key={code}>
              <th scope="row">{INVARIANT_RULES[code].title}</th>
              <td>
                {code === 'front_cache_purge' && !frontCache ? (
                  'Sans objet (pas de cache de façade)'
                ) : check.counts[code] === 0 ? (
                  'Aucune'
                ) : (
                  <strong>{check.counts[code]}</strong>
                )}
              </td>
              <td>{INVARIANT_RULES[code].why}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {failing.map((code) => {
        const violations = check.kept.filter((violation) => violation.invariant === code);
        return (
          <section key={code} aria-labelledby={`anomalies-${code}`}>
            <h2 id={`anomalies-${code}`}>{INVARIANT_RULES[code].title}</h2>
            {check.counts[code] > violations.length && (
              <p>
                Les {violations.length} premières sur {check.counts[code]} (au plus {VIOLATIONS_KEPT_PER_RULE} par règle
                sont gardées) :
              </p>
            )}
            <table className="admin-table">
              <caption>{plural(check.counts[code], 'anomalie')}</caption>
              <thead>
                <tr>
                  <th scope="col">Concerne</th>
                  <th scope="col">Constat</th>
                </tr>
              </thead>
              <tbody>
                {violations.map((violation, index) => (
                  <tr key={index}>
                    <th scope="row">
                      <Link href={subjectHref(violation.subject)}>{subjectLabel(violation.subject)}</Link>
                    </th>
                    <td>{violation.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
}
