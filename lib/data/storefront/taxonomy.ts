import 'server-only';
import { getDb } from '@/lib/db';

export async function getContributor(slug: string) {
  return getDb().contributor.findUnique({
    where: { slug },
    select: { id: true, name: true, slug: true, biography: true },
  });
}

export async function getPublisher(slug: string) {
  return getDb().publisher.findUnique({
    where: { slug },
    select: {
      id: true,
      name: true,
      slug: true,
      collections: { orderBy: { name: 'asc' }, select: { name: true, slug: true } },
    },
  });
}

export async function getCollection(slug: string) {
  return getDb().collection.findUnique({
    where: { slug },
    select: { id: true, name: true, slug: true, publisher: { select: { name: true, slug: true } } },
  });
}
