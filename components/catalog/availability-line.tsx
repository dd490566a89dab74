import type { Availability } from '@/lib/availability';

export function AvailabilityLine({ availability }: { availability: Availability }) {
  return <p className={`availability availability--${availability.state}`}>{availability.label}</p>;
}
