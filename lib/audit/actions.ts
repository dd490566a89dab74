// The audit log's vocabulary: one code per kind of staff action (and failed logins), with the
// words the order timeline and /admin/journal show. Pure.

export const AUDIT_ACTION_LABELS = {
  'auth.login': 'Connexion',
  'auth.login_failed': 'Échec de connexion',
  'auth.login_throttled': 'Connexion refusée (trop de tentatives)',
  'auth.logout': 'Déconnexion',
  'auth.password_changed': 'Mot de passe changé',
  'staff.created': 'Compte créé',
  'staff.role_changed': 'Rôle changé',
  'staff.disabled': 'Compte désactivé',
  'staff.enabled': 'Compte réactivé',
  'order.status_changed': 'Statut changé',
  'order.comment': 'Commentaire interne',
  'order.line_received': 'Exemplaires reçus du distributeur',
  'order.delay_announced': 'Nouveau délai du distributeur',
  'order.attention_cleared': 'Alerte traitée',
  'refund.requested': 'Remboursement demandé',
  'refund.failed': 'Remboursement refusé par Stripe',
  'order.copies_allocated': 'Exemplaires reçus attribués à la commande',
  'order.counter_created': 'Commande client enregistrée au comptoir',
  'order.paid_at_counter': 'Réglée en librairie',
  'stock.delivery_received': 'Livraison réceptionnée',
  'stock.purchase_order_created': 'Commande fournisseur préparée',
  'stock.purchase_order_changed': 'Commande fournisseur modifiée',
  'stock.purchase_order_sent': 'Commande fournisseur envoyée',
  'stock.purchase_order_cancelled': 'Commande fournisseur annulée',
  'stock.supplier_return': 'Retour au distributeur',
  'stock.count_started': 'Inventaire commencé',
  'stock.count_imported': 'Fichier d’inventaire importé',
  'stock.count_validated': 'Inventaire validé',
  'stock.count_cancelled': 'Inventaire abandonné',
  'stock.adjusted': 'Stock ajusté',
  'stock.threshold_changed': 'Seuil de réassort changé',
  'catalog.book_created': 'Livre créé',
  'catalog.book_updated': 'Livre modifié',
  'catalog.cover_uploaded': 'Couverture changée',
  'catalog.contributor_saved': 'Auteur enregistré',
  'catalog.publisher_saved': 'Éditeur enregistré',
  'catalog.collection_saved': 'Collection enregistrée',
  'catalog.theme_saved': 'Thème enregistré',
  'catalog.supplier_saved': 'Distributeur enregistré',
  'catalog.pick_saved': 'Coup de cœur enregistré',
  'catalog.pick_removed': 'Coup de cœur retiré',
  'order.withdrawal_declared': 'Rétractation déclarée par le client',
  'order.pre_order_cancelled': 'Précommande annulée par le client',
  'order.pre_order_date_moved': 'Date de parution déplacée par le distributeur',
  'order.pre_order_price_dropped': 'Baisse du prix de l’éditeur remboursée',
  'email.resent': 'Courriel renvoyé',
  'book_request.ordered': 'Demande de livre commandée pour le lecteur',
  'book_request.declined': 'Demande de livre refusée',
  'settings.updated': 'Réglages de la librairie modifiés',
  'customer.organisation_created': 'Client professionnel créé',
  'customer.organisation_updated': 'Client professionnel modifié',
  'customer.statement_issued': 'Relevé mensuel émis pour un client professionnel',
  'invoice.transfer_recorded': 'Virement reçu enregistré sur une facture',
  'invoice.transfer_reversed': 'Virement reçu annulé (écriture inverse)',
  'invoice.reminder_sent': 'Relance de paiement envoyée',
  'quote.accepted': 'Acceptation d’un devis enregistrée',
  'privacy.exported': 'Données personnelles exportées (RGPD art. 15 et 20)',
  'privacy.erased': 'Données personnelles effacées (RGPD art. 17)',
  'privacy.account_deleted': 'Compte lecteur supprimé par son titulaire (RGPD art. 17)',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTION_LABELS, value);
}

export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTION_LABELS[action] : action;
}
