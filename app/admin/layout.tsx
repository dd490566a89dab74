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
      {staff && (
        <>
          {/* The shop's skip link lands here, above the menu's links: this one skips them (WCAG 2.4.1). */}
          <a className="skip-link" href="#page-admin">
            Aller au contenu de la page
          </a>
          <AdminNav staff={staff} />
        </>
      )}
      <div id="page-admin">
        <FeedbackRegion>{children}</FeedbackRegion>
      </div>
    </div>
  );
}
