import { createHash, randomUUID } from 'node:crypto';

/** A new random id (UUIDv4) for an entity, link, source, citation, note or chart. */
export function newId(): string {
  return randomUUID();
}

/** Namespace for ids derived from sample-case slugs (itself a v4 UUID chosen once). */
export const SAMPLE_NAMESPACE = '6f1c7c2e-5b7a-4d0e-9d3a-2f6c1b8e4a90';

/** A name-based UUIDv5 (RFC 9562): the same namespace and name always give the same id. */
export function uuidV5(name: string, namespace: string = SAMPLE_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
