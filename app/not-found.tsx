import Link from 'next/link';

export default function NotFound() {
  return (
    <>
      <h1>Page introuvable</h1>
      <p>Nous n’avons trouvé ni livre ni page à cette adresse. L’ISBN est peut-être mal saisi.</p>
      <p>
        <Link href="/livres">Parcourir le catalogue</Link> ou <Link href="/recherche">faire une recherche</Link>.
      </p>
    </>
  );
}
