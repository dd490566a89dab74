import 'server-only';
import type { OrderStatus as DatabaseOrderStatus } from '@/lib/generated/prisma/enums';
import type { OrderStatus } from '@/lib/orders/status';

// lib/orders/status.ts is pure and keeps its own list of statuses; these two lines fail to
// compile if it and the database enum ever differ.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const ORDER_STATUS_LIST_MATCHES_DATABASE: Same<OrderStatus, DatabaseOrderStatus> = true;
