import { z } from 'zod';

// What the browser posts after a WebAuthn ceremony (@simplewebauthn/browser's
// RegistrationResponseJSON and AuthenticationResponseJSON, https://www.w3.org/TR/webauthn-3/#dictdef-registrationresponsejson):
// checked for shape and size here, for meaning by @simplewebauthn/server.

const base64url = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/);

const TRANSPORTS = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'] as const;

const common = {
  id: base64url(1400).min(16),
  rawId: base64url(1400).min(16),
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
};

export const RegistrationResponseSchema = z.object({
  ...common,
  response: z.object({
    clientDataJSON: base64url(4096).min(1),
    attestationObject: base64url(16_384).min(1),
    authenticatorData: base64url(8192).optional(),
    transports: z.array(z.enum(TRANSPORTS)).max(8).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url(8192).optional(),
  }),
});

export const AuthenticationResponseSchema = z.object({
  ...common,
  response: z.object({
    clientDataJSON: base64url(4096).min(1),
    authenticatorData: base64url(8192).min(1),
    signature: base64url(2048).min(1),
    userHandle: base64url(512).optional(),
  }),
});

export type RegistrationResponse = z.infer<typeof RegistrationResponseSchema>;
export type AuthenticationResponse = z.infer<typeof AuthenticationResponseSchema>;

export const PasskeyIdSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
