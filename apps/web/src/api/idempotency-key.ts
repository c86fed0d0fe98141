/**
 * A new key for one command. With it, a command the gateway sends on to another instance after a
 * restart cut its connection runs once, and the service answers a repeat with the first response.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID exists only in secure contexts; an intranet may serve the app over plain http.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
