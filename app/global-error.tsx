'use client';

// Shown when the root layout itself fails for a reason other than the database (which gives the
// 503 page, lib/http/database-guard.ts): the layout reads the header's cart count, so it can fail.
// It replaces the layout, hence its own <html> and <body>.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="fr">
      <body>
        <main className="container">
          <h1>Un incident est survenu</h1>
          <p>La page n’a pas pu être affichée. Réessayez dans un instant ; si le problème persiste, écrivez-nous.</p>
          <p>
            <button type="button" onClick={reset}>
              Réessayer
            </button>{' '}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full reload: the layout itself failed */}
            <a href="/">Retour à l’accueil</a>
          </p>
        </main>
      </body>
    </html>
  );
}
