import { hkdfSync } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';

/**
 * Cookie values deskbot writes and reads back: a JWE (`dir`, A256GCM), so the browser can neither read nor alter
 * them. The key is derived (HKDF-SHA256) from the Direct Line token key, so every instance that accepts each other's
 * tokens also accepts each other's cookies.
 */
export interface CookieSealer {
  /** Encrypt `payload` for `ttlSeconds` seconds. */
  seal(payload: Record<string, unknown>, ttlSeconds: number): Promise<string>;
  /** The payload, or null when the value is missing, tampered with, sealed with another key, or expired. */
  open(value: string | undefined): Promise<Record<string, unknown> | null>;
}

/** @param tokenKey the web channel's token key (≥ 32 bytes) */
export function createCookieSealer(tokenKey: Uint8Array): CookieSealer {
  const key = new Uint8Array(hkdfSync('sha256', tokenKey, new Uint8Array(0), 'deskbot sign-in cookie', 32));
  return {
    async seal(payload, ttlSeconds) {
      return new EncryptJWT(payload)
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
        .encrypt(key);
    },
    async open(value) {
      if (!value) return null;
      try {
        const { payload } = await jwtDecrypt(value, key, { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] });
        return payload as Record<string, unknown>;
      } catch {
        return null;
      }
    },
  };
}
