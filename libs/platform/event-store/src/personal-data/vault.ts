import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { KeyStore } from './key-store';

/** Personal data as it is kept in an event: encrypted with its subject's key (AES-256-GCM), base64. */
export interface SealedPersonalData {
  readonly algorithm: 'aes-256-gcm';
  readonly iv: string;
  readonly ciphertext: string;
  readonly tag: string;
}

/** A subject whose key was destroyed: the data cannot be read any more. */
export interface ErasedPersonalData {
  readonly erased: true;
  readonly erasedAt?: string;
}

export class PersonalDataErasedError extends Error {
  constructor(readonly subjectId: string) {
    super(`The personal data of ${subjectId} was erased; nothing new is recorded about this person.`);
    this.name = 'PersonalDataErasedError';
  }
}

/**
 * Crypto-shredding: personal data enters the append-only store only encrypted with a key per person,
 * kept outside the store. Destroying the key erases the data everywhere it was copied in encrypted
 * form, while the hashes (which cover the ciphertext) still verify.
 */
export class PersonalDataVault {
  constructor(private readonly keys: KeyStore) {}

  seal<Data extends object>(subjectId: string, data: Data): SealedPersonalData {
    const key = this.keys.keyFor(subjectId);
    if (!key) throw new PersonalDataErasedError(subjectId);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    // The subject id is authenticated with the data, so a sealed value cannot be passed off as another person's.
    cipher.setAAD(Buffer.from(subjectId, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
    return {
      algorithm: 'aes-256-gcm',
      iv: iv.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    };
  }

  open<Data extends object>(subjectId: string, sealed: SealedPersonalData): Data | ErasedPersonalData {
    const key = this.keys.find(subjectId);
    if (!key) return this.erased(subjectId);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(subjectId, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const plaintext = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
    return JSON.parse(plaintext.toString('utf8')) as Data;
  }

  erased(subjectId: string): ErasedPersonalData {
    const erasedAt = this.keys.destroyedAt(subjectId);
    return { erased: true, ...(erasedAt ? { erasedAt } : {}) };
  }

  isErased(subjectId: string): boolean {
    return this.keys.destroyedAt(subjectId) !== undefined;
  }

  /** Erases the subject's personal data for good; erasing twice is harmless. */
  destroy(subjectId: string, destroyedAt = new Date().toISOString()): void {
    this.keys.destroy(subjectId, destroyedAt);
  }
}

export function isErased(data: object): data is ErasedPersonalData {
  return (data as Partial<ErasedPersonalData>).erased === true;
}
