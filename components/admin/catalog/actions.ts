'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { actorOf } from '@/lib/auth/actor';
import { requireStaff } from '@/lib/auth/require-staff';
import { createBook, updateBook } from '@/lib/data/catalog/book-editing';
import {
  saveCollection,
  saveContributor,
  savePublisher,
  saveSupplier,
  saveTheme,
} from '@/lib/data/catalog/taxonomy-editing';
import {
  BookFormSchema,
  bookFormValues,
  BookVersionSchema,
  CollectionSchema,
  ContributorSchema,
  NewBookSchema,
  PublisherSchema,
  SupplierSchema,
  ThemeSchema,
} from '@/lib/validation/catalog-editing';
import { formFields, invalidInput } from '@/lib/validation/zod-errors';
import { NOT_A_FORM, type ActionState } from '../action-state';

// Catalog editing. A book's reader pages are rendered per request; they are revalidated anyway
// so that a cached page (a front cache, later) never shows the old price.

function revalidateBook(ean: string) {
  revalidatePath(`/livre/${ean}`);
  revalidatePath(`/admin/catalogue/livres/${ean}`);
  revalidatePath('/', 'layout');
}

export async function createBookAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const fields = formFields(formData);
  const ean = NewBookSchema.safeParse(fields);
  if (!ean.success) return invalidInput(ean.error);
  const parsed = BookFormSchema.safeParse(bookFormValues(fields));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await createBook(await actorOf(staff), ean.data.ean, parsed.data);
  if (!result.ok) return result;
  revalidateBook(result.ean);
  redirect(`/admin/catalogue/livres/${result.ean}?cree=1`);
}

export async function updateBookAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const fields = formFields(formData);
  const version = BookVersionSchema.safeParse(fields);
  if (!version.success) return invalidInput(version.error);
  const parsed = BookFormSchema.safeParse(bookFormValues(fields));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await updateBook(await actorOf(staff), { ...version.data, form: parsed.data });
  if (!result.ok) return result;
  revalidateBook(result.ean);
  return { ok: true, message: 'Livre enregistré : les lecteurs voient déjà la nouvelle fiche.' };
}

export async function saveContributorAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = ContributorSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await saveContributor(await actorOf(staff), parsed.data);
  if (!result.ok) return result;
  revalidatePath('/admin/catalogue/auteurs');
  return { ok: true, message: `« ${parsed.data.name} » enregistré.` };
}

export async function savePublisherAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = PublisherSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await savePublisher(await actorOf(staff), parsed.data);
  if (!result.ok) return result;
  revalidatePath('/admin/catalogue/editeurs');
  return { ok: true, message: `« ${parsed.data.name} » enregistré.` };
}

export async function saveCollectionAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = CollectionSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await saveCollection(await actorOf(staff), parsed.data);
  if (!result.ok) return result;
  revalidatePath('/admin/catalogue/collections');
  return { ok: true, message: `« ${parsed.data.name} » enregistrée.` };
}

export async function saveThemeAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('libraire');
  const parsed = ThemeSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await saveTheme(await actorOf(staff), parsed.data);
  if (!result.ok) return result;
  revalidatePath('/admin/catalogue/themes');
  revalidatePath('/', 'layout');
  return { ok: true, message: `Thème « ${parsed.data.name} » enregistré.` };
}

/** A distributor's commercial terms: admins only. */
export async function saveSupplierAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const staff = await requireStaff('admin');
  const parsed = SupplierSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await saveSupplier(await actorOf(staff), parsed.data);
  if (!result.ok) return result;
  revalidatePath('/admin/catalogue/distributeurs');
  return { ok: true, message: `« ${parsed.data.name} » enregistré.` };
}
