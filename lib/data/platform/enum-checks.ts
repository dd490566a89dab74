import 'server-only';
import type {
  Carrier as DatabaseCarrier,
  EmailKind as DatabaseEmailKind,
  OrderStatus as DatabaseOrderStatus,
  RefundReason as DatabaseRefundReason,
  StaffRole as DatabaseStaffRole,
  StockMovementReason as DatabaseStockMovementReason,
} from '@/lib/generated/prisma/enums';
import type { EmailKind } from '@/lib/email/kinds';
import type { Carrier } from '@/lib/orders/carriers';
import type { RefundReason } from '@/lib/orders/refund-plan';
import type { OrderStatus } from '@/lib/orders/status';
import type { StaffRole } from '@/lib/staff/roles';
import type { StockMovementReason } from '@/lib/stock/movement-reasons';

// lib/orders, lib/stock, lib/email and lib/staff are pure and keep their own lists of the database's enums; these lines fail to
// compile if one of them and its database enum (prisma/schema.prisma) ever differ.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const ORDER_STATUS_LIST_MATCHES_DATABASE: Same<OrderStatus, DatabaseOrderStatus> = true;
export const CARRIER_LIST_MATCHES_DATABASE: Same<Carrier, DatabaseCarrier> = true;
export const REFUND_REASON_LIST_MATCHES_DATABASE: Same<RefundReason, DatabaseRefundReason> = true;
export const STOCK_MOVEMENT_REASON_LIST_MATCHES_DATABASE: Same<StockMovementReason, DatabaseStockMovementReason> = true;
export const EMAIL_KIND_LIST_MATCHES_DATABASE: Same<EmailKind, DatabaseEmailKind> = true;
export const STAFF_ROLE_LIST_MATCHES_DATABASE: Same<StaffRole, DatabaseStaffRole> = true;
