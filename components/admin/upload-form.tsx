'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Field } from '@/components/ui/field';

// Sends a file to one of the back office's upload routes (a cover, an inventory CSV) and shows
// the answer: a confirmation, or the French message with each rejected line.

type Answer =
  { ok: true; message: string } | { ok: false; message: string; issues?: { path: string; message: string }[] } | null;

type Props = {
  url: string;
  field: string;
  label: string;
  accept: string;
  hint: string;
  submitLabel: string;
};

export function UploadForm({ url, field, label, accept, hint, submitLabel }: Props) {
  const router = useRouter();
  const [answer, setAnswer] = useState<Answer>(null);
  const [pending, setPending] = useState(false);
  const inputId = `${field}-upload`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setPending(true);
    try {
      const response = await fetch(url, { method: 'POST', body: new FormData(form) });
      const body = (await response.json().catch(() => null)) as {
        ok?: boolean;
        message?: string;
        error?: { message: string; issues?: { path: string; message: string }[] };
      } | null;
      if (response.ok && body?.ok) {
        setAnswer({ ok: true, message: body.message ?? 'Fichier envoyé.' });
        form.reset();
        router.refresh();
      } else {
        setAnswer({
          ok: false,
          message: body?.error?.message ?? `Envoi refusé (erreur ${response.status}).`,
          issues: body?.error?.issues,
        });
      }
    } catch {
      setAnswer({ ok: false, message: 'Le serveur ne répond pas : réessayez dans un instant.' });
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="admin-form" onSubmit={onSubmit} aria-label={label} encType="multipart/form-data">
      {answer && !answer.ok && (
        <div role="alert">
          <p className="form-error">{answer.message}</p>
          {answer.issues && answer.issues.length > 0 && (
            <table className="admin-table">
              <caption>Lignes refusées</caption>
              <thead>
                <tr>
                  <th scope="col">Ligne</th>
                  <th scope="col">Raison</th>
                </tr>
              </thead>
              <tbody>
                {answer.issues.map((issue) => (
                  <tr key={issue.path}>
                    <th scope="row">{issue.path.replace(/^ligne /, '')}</th>
                    <td>{issue.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      {answer?.ok && (
        <p className="form-success" role="status">
          {answer.message}
        </p>
      )}
      <Field id={inputId} name={field} label={label} hint={hint} type="file" accept={accept} required />
      <button type="submit" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
