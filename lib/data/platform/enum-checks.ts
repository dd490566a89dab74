import 'server-only';
import type {
  Carrier as DatabaseCarrier,
  EmailKind as DatabaseEmailKind,
  OrderStatus as DatabaseOrderStatus,
  OrganisationKind as DatabaseOrganisationKind,
  RefundReason as DatabaseRefundReason,
  StaffRole as DatabaseStaffRole,
  StockMovementReason as DatabaseStockMovementReason,
} from '@/lib/generated/prisma/enums';
import type { EmailKind } from '@/lib/email/kinds';
import type { Carrier } from '@/lib/orders/carriers';
import type { RefundReason } from '@/lib/orders/refund-plan';
import type { OrderStatus } from '@/lib/orders/status';
import type { OrganisationKind } from '@/lib/pricing';
import type { StaffRole } from '@/lib/staff/roles';
import type { StockMovementReason } from '@/lib/stock/movement-reasons';

// lib/orders, lib/stock, lib/email, lib/staff and lib/pricing are pure and keep their own lists of the database's enums; these lines fail to
// compile if one of them and its database enum (prisma/schema.prisma) ever differ.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const ORDER_STATUS_LIST_MATCHES_DATABASE: Same<OrderStatus, DatabaseOrderStatus> = true;
export const CARRIER_LIST_MATCHES_DATABASE: Same<Carrier, DatabaseCarrier> = true;
export const REFUND_REASON_LIST_MATCHES_DATABASE: Same<RefundReason, DatabaseRefundReason> = true;
export const STOCK_MOVEMENT_REASON_LIST_MATCHES_DATABASE: Same<StockMovementReason, DatabaseStockMovementReason> = true;
export const EMAIL_KIND_LIST_MATCHES_DATABASE: Same<EmailKind, DatabaseEmailKind> = true;
export const STAFF_ROLE_LIST_MATCHES_DATABASE: Same<StaffRole, DatabaseStaffRole> = true;
export const ORGANISATION_KIND_LIST_MATCHES_DATABASE: Same<OrganisationKind, DatabaseOrganisationKind> = true;
