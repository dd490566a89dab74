'use client';

import { startRegistration } from '@simplewebauthn/browser';
import { useState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { passkeyRegistrationOptionsAction, registerPasskeyAction } from './passkey-actions';
import { ceremonyError, useWebAuthnSupport } from './webauthn-support';

/** "Ajouter une clé d'accès": the browser creates it, the shop keeps its public key. */
export function PasskeyAdd() {
  const supported = useWebAuthnSupport();
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const [pending, setPending] = useState(false);
  if (!supported) {
    return (
      <p>
        Pour ajouter une clé d’accès, il faut un navigateur qui les accepte, avec JavaScript activé. Le lien par
        courriel reste toujours possible.
      </p>
    );
  }

  async function add() {
    setPending(true);
    setOutcome(null);
    try {
      const options = await passkeyRegistrationOptionsAction();
      if (!options.ok) return setOutcome(options);
      let answer;
      try {
        answer = await startRegistration({ optionsJSON: options.options });
      } catch (refusal) {
        return setOutcome({ ok: false, message: ceremonyError(refusal) });
      }
      setOutcome(await registerPasskeyAction(answer));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="passkey-add">
      {outcome && !outcome.ok && <FormError message={outcome.message} />}
      {outcome?.ok && (
        <p className="notice" role="status">
          {outcome.message}
        </p>
      )}
      <button type="button" onClick={add} disabled={pending}>
        Ajouter une clé d’accès
      </button>
    </div>
  );
}
