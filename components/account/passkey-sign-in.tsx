'use client';

import { startAuthentication } from '@simplewebauthn/browser';
import { useState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { passkeySignInOptionsAction, signInWithPasskeyAction } from './passkey-actions';
import { ceremonyError, useWebAuthnSupport } from './webauthn-support';

/** "Se connecter avec une clé d'accès": shown only where the browser can (it needs JavaScript). */
export function PasskeySignIn() {
  const supported = useWebAuthnSupport();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  if (!supported) return null;

  async function signIn() {
    setPending(true);
    setError(null);
    try {
      const options = await passkeySignInOptionsAction();
      if (!options.ok) return setError(options.message);
      let answer;
      try {
        answer = await startAuthentication({ optionsJSON: options.options });
      } catch (refusal) {
        return setError(ceremonyError(refusal));
      }
      // On success the action redirects to /compte; only a refusal comes back.
      const result = await signInWithPasskeyAction(answer);
      if (!result.ok) setError(result.message);
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="cle-acces" className="passkey-sign-in">
      <h2 id="cle-acces">Avec une clé d’accès</h2>
      <p>Si vous avez ajouté une clé d’accès à votre compte (empreinte, visage, code de l’appareil) :</p>
      {error && <FormError message={error} />}
      <button type="button" onClick={signIn} disabled={pending}>
        Se connecter avec une clé d’accès
      </button>
    </section>
  );
}
