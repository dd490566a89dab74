import type { Metadata } from 'next';
import { AccountNav } from '@/components/account/account-nav';
import { PasskeyAdd } from '@/components/account/passkey-add';
import { deletePasskeyAction } from '@/components/account/passkey-actions';
import { requireReader } from '@/lib/auth/require-reader';
import { formatDateShort } from '@/lib/core/date';
import { listReaderPasskeys } from '@/lib/data/readers/passkeys';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';

export const metadata: Metadata = { title: 'Mes clés d’accès', robots: { index: false } };

const NOTICES: Record<string, { text: string; error?: boolean }> = {
  supprimee: { text: 'Clé d’accès supprimée : elle n’ouvre plus votre compte.' },
  erreur: { text: 'Cette clé d’accès n’existe pas, ou a déjà été supprimée.', error: true },
};

async function PasskeysPage({ searchParams }: PageProps<'/compte/cles'>) {
  const reader = await requireReader();
  const params = await searchParams;
  const notice = Object.keys(NOTICES).find((key) => params[key] !== undefined);
  const passkeys = await listReaderPasskeys(reader.id);
  return (
    <>
      <h1>Mon compte</h1>
      <AccountNav email={reader.email} />
      <h2>Mes clés d’accès</h2>
      {notice && (
        <p
          className={NOTICES[notice]!.error ? 'form-error' : 'notice'}
          role={NOTICES[notice]!.error ? 'alert' : 'status'}
        >
          {NOTICES[notice]!.text}
        </p>
      )}
      <p>
        Une clé d’accès (« passkey ») vous connecte sans courriel, par l’empreinte, le visage ou le code de votre
        appareil. Elle reste dans votre appareil ou votre gestionnaire de mots de passe : nous ne gardons que sa partie
        publique, qui ne permet pas de se connecter.
      </p>
      {passkeys.length === 0 ? (
        <p>Aucune clé d’accès pour l’instant.</p>
      ) : (
        <ul className="account-passkeys">
          {passkeys.map((passkey) => (
            <li key={passkey.id}>
              <strong>{passkey.label}</strong>
              {passkey.backedUp && ' (synchronisée)'} — ajoutée le {formatDateShort(passkey.createdAt)}
              {passkey.lastUsedAt ? `, utilisée le ${formatDateShort(passkey.lastUsedAt)}` : ', jamais utilisée'}
              <form action={deletePasskeyAction}>
                <input type="hidden" name="id" value={passkey.id} />
                <button
                  type="submit"
                  aria-label={`Supprimer la clé d’accès ${passkey.label} ajoutée le ${formatDateShort(passkey.createdAt)}`}
                >
                  Supprimer
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <PasskeyAdd />
    </>
  );
}

export default whenDatabaseAnswers(PasskeysPage);
