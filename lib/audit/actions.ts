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
  'order.attention_cleared': 'Alerte traitée',
  'refund.requested': 'Remboursement demandé',
  'refund.failed': 'Remboursement refusé par Stripe',
  'order.withdrawal_declared': 'Rétractation déclarée par le client',
  'email.resent': 'Courriel renvoyé',
  'settings.updated': 'Réglages de la librairie modifiés',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTION_LABELS, value);
}

export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTION_LABELS[action] : action;
}
