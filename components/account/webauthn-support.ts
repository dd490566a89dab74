'use client';

import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/** Whether this browser can use passkeys: false on the server and before hydration, so the markup stays the same for everyone. */
export function useWebAuthnSupport(): boolean {
  return useSyncExternalStore(subscribe, browserSupportsWebAuthn, () => false);
}

/** The browser's refusal, in French: cancelled by the reader, or not possible here. */
export function ceremonyError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'AbortError') return 'Opération annulée, ou délai dépassé : réessayez.';
  if (name === 'InvalidStateError') return 'Cette clé d’accès est déjà enregistrée sur votre compte.';
  return 'Votre navigateur n’a pas pu utiliser de clé d’accès : réessayez, ou utilisez le lien par courriel.';
}
