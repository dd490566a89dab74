import Link from 'next/link';

/** 401: nobody is logged in (unauthorized(), lib/auth/require-staff.ts). */
export default function Unauthorized() {
  return (
    <>
      <h1>Connexion requise</h1>
      <p>Cette page est réservée à l’équipe de la librairie.</p>
      <p>
        <Link href="/admin/connexion">Se connecter</Link>
      </p>
    </>
  );
}
