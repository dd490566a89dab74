'use client';

/** The browser's print dialog (to paper or to PDF). */
export function PrintButton() {
  return (
    <button type="button" className="no-print" onClick={() => window.print()}>
      Imprimer ou enregistrer en PDF
    </button>
  );
}
