'use client';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1>Un incident est survenu</h1>
      <p>La page n’a pas pu être affichée. Réessayez dans un instant ; si le problème persiste, écrivez-nous.</p>
      <button type="button" onClick={reset}>
        Réessayer
      </button>
    </>
  );
}
