import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { FeedbackRegion } from '@/components/admin/feedback';
import { AdminNav } from '@/components/admin/layout/admin-nav';
import { getCurrentStaff } from '@/lib/auth/require-staff';
import './admin.css';

export const metadata: Metadata = {
  title: { template: '%s — Arrière-boutique', default: 'Arrière-boutique' },
  robots: { index: false, follow: false },
};

// The menu only: it protects nothing. Every page, action and route below calls requireStaff itself.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const staff = await getCurrentStaff();
  return (
    <div className="admin">
      {staff && <AdminNav staff={staff} />}
      <FeedbackRegion>{children}</FeedbackRegion>
    </div>
  );
}
