// Client components that only need the states or their labels should import
// './availability-state', which has no dependency: estimateDeliveryWindow pulls date-holidays.
export {
  AVAILABILITY_STATE_LABELS,
  AVAILABILITY_STATES,
  type AvailabilityState,
  type BusinessDayRange,
  type SchemaOrgAvailability,
} from './availability-state';
export { deriveAvailability, type Availability, type AvailabilityInput } from './derive-availability';
export {
  estimateDeliveryWindow,
  formatDeliveryLabel,
  type DeliveryWindow,
  type DeliveryWindowInput,
} from './delivery-window';
export { forthcomingDate, preOrderDeliveryWindow, type PreOrderWindowInput } from './pre-order';
export { isoDay, toDateOnly } from './paris-calendar';
