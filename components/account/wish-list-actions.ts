'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { getCurrentReader, requireReader } from '@/lib/auth/require-reader';
import { addToWishList, removeFromWishList, shareWishList, stopSharingWishList } from '@/lib/data/readers/wish-list';
import { WishListBookSchema } from '@/lib/validation/wish-list';

// "Ma liste". The book page's "Ajouter à ma liste" is the same form for every reader (the front
// cache keeps the page): signed in, the book is added; not signed in, the reader is asked to sign
// in first. Plain forms: all of it works without JavaScript.

const eanOf = (formData: unknown) =>
  WishListBookSchema.safeParse({ ean: formData instanceof FormData ? formData.get('ean') : null });

export async function addToWishListAction(formData: FormData): Promise<void> {
  const reader = await getCurrentReader();
  if (!reader) redirect('/compte/connexion?liste=1');
  const parsed = eanOf(formData);
  const result = parsed.success ? await addToWishList(reader.id, parsed.data.ean) : null;
  redirect(
    result?.ok
      ? '/compte/liste?ajoute=1'
      : `/compte/liste?erreur=${result?.code === 'WISH_LIST_FULL' ? 'pleine' : 'livre'}`,
  );
}

export async function removeFromWishListAction(formData: FormData): Promise<void> {
  const reader = await requireReader();
  const parsed = eanOf(formData);
  const result = parsed.success ? await removeFromWishList(reader.id, parsed.data.ean) : null;
  redirect(result?.ok ? '/compte/liste?retire=1' : '/compte/liste?erreur=livre');
}

export async function shareWishListAction(): Promise<void> {
  const reader = await requireReader();
  await shareWishList(reader.id);
  revalidatePath('/compte/liste');
  redirect('/compte/liste?partagee=1');
}

export async function stopSharingWishListAction(): Promise<void> {
  const reader = await requireReader();
  await stopSharingWishList(reader.id);
  redirect('/compte/liste?privee=1');
}
