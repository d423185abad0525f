import type { Actor } from './actor.js';

/**
 * Per-instance cache of authenticated sessions: most API calls then need no session query (one
 * database round trip less on every request). Entries live at most TTL_MS by the app clock.
 * Revocation is immediate on the instance that makes the change and, through the event bus
 * (`session.invalidate`), on the others; if that best-effort message is lost, TTL_MS bounds how
 * long another instance may still honour a revoked session (docs/decisions/008).
 */
export const SESSION_CACHE_TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

type Entry = { actor: Actor; at: number };

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every invalidation: a lookup that started before one must not cache what it read. */
  private epoch = 0;

  /** Call before reading a session from the database; pass the result to set(). */
  mark(): number {
    return this.epoch;
  }

  get(tokenHash: string, now: number): Actor | null {
    const e = this.entries.get(tokenHash);
    if (!e) return null;
    // abs(): tests move the clock backwards as well as forwards.
    if (Math.abs(now - e.at) >= SESSION_CACHE_TTL_MS) {
      this.entries.delete(tokenHash);
      return null;
    }
    return e.actor;
  }

  set(tokenHash: string, actor: Actor, now: number, mark: number) {
    if (mark !== this.epoch) return; // invalidated while we were reading: what we read may be stale
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!); // oldest first
    this.entries.set(tokenHash, { actor, at: now });
  }

  /** Drops one session, or every cached session of a user. */
  invalidate(userId: string, tokenHash?: string | null) {
    this.epoch++;
    if (tokenHash) {
      this.entries.delete(tokenHash);
      return;
    }
    for (const [k, e] of this.entries) if (e.actor.userId === userId) this.entries.delete(k);
  }
}
