import Link from 'next/link';

/** 403: logged in, but this page or action needs another role (forbidden(), lib/auth/require-staff.ts). */
export default function Forbidden() {
  return (
    <>
      <h1>Accès réservé</h1>
      <p>Votre compte n’a pas accès à cette page. Demandez à un administrateur de la librairie.</p>
      <p>
        <Link href="/admin/commandes">Retour aux commandes</Link>
      </p>
    </>
  );
}
