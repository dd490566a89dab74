import { z } from 'zod';

export const SlugSchema = z
  .string()
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

/** URL slugs are lower-case ASCII words joined by hyphens; anything else is not a page. */
export function isSlug(value: string): boolean {
  return SlugSchema.safeParse(value).success;
}
