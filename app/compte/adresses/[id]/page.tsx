import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AccountNav } from '@/components/account/account-nav';
import { AddressForm } from '@/components/account/address-form';
import { requireReader } from '@/lib/auth/require-reader';
import { getReaderAddress } from '@/lib/data/readers/reader-addresses';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';
import { AddressIdSchema } from '@/lib/validation/reader-accounts';

export const metadata: Metadata = { title: 'Modifier une adresse', robots: { index: false } };

/** Another reader's address id: the same 404 as an unknown one. */
async function EditAddressPage({ params }: PageProps<'/compte/adresses/[id]'>) {
  const reader = await requireReader();
  const id = AddressIdSchema.safeParse((await params).id);
  const address = id.success ? await getReaderAddress(reader.id, id.data) : null;
  if (!address || !id.success) notFound();
  return (
    <>
      <h1>Modifier une adresse</h1>
      <AccountNav email={reader.email} />
      <AddressForm id={id.data} address={address} />
      <p>
        <Link href="/compte/adresses">Retour à mes adresses</Link>
      </p>
    </>
  );
}

export default whenDatabaseAnswers(EditAddressPage);
