// require('redlite/session'): an express-session store, a drop-in for connect-redis's
// RedisStore, over a redlite or node-redis client. Declared structurally (no
// @types/express-session needed): it has everything express-session's Store has.
import { EventEmitter } from 'events';

/** A stored session: whatever express-session keeps, with its cookie. */
export type SessionData = { cookie?: { expires?: Date | string | null; maxAge?: number | null; [k: string]: unknown }; [k: string]: any };

/** Options of RedisStore (connect-redis's, same defaults). */
export interface RedisStoreOptions {
  /** A connected redlite or node-redis client (required). */
  client: any;
  /** Key prefix ['sess:']. */
  prefix?: string;
  /** Seconds [86400], or a function of the session; otherwise the cookie's expiry wins. */
  ttl?: number | ((session: SessionData) => number);
  /** touch() does nothing [false]. */
  disableTouch?: boolean;
  /** Sessions are stored without a TTL; touch() does nothing [false]. */
  disableTTL?: boolean;
  /** How sessions are stored [JSON]; parse may return a promise. */
  serializer?: { stringify(session: SessionData): string; parse(text: string): SessionData | Promise<SessionData> };
  /** COUNT of the SCAN behind clear/length/ids/all [100]. */
  scanCount?: number;
}

type Callback<T> = (err: any, data?: T) => void;

/** The express-session store. Every method takes an optional callback and returns a promise. */
export declare class RedisStore extends EventEmitter {
  constructor(options: RedisStoreOptions);
  client: any;
  prefix: string;
  ttl: number | ((session: SessionData) => number);
  disableTouch: boolean;
  disableTTL: boolean;
  serializer: NonNullable<RedisStoreOptions['serializer']>;
  scanCount: number;
  /** The TTL in seconds `set` and `touch` use for `session`. */
  getTTL(session: SessionData): number;
  get(sid: string, cb?: Callback<SessionData | null>): Promise<any>;
  set(sid: string, session: SessionData, cb?: Callback<null>): Promise<any>;
  touch(sid: string, session: SessionData, cb?: Callback<null>): Promise<any>;
  destroy(sid: string, cb?: Callback<null>): Promise<any>;
  clear(cb?: Callback<null>): Promise<any>;
  length(cb?: Callback<number>): Promise<any>;
  ids(cb?: Callback<Array<string>>): Promise<any>;
  all(cb?: Callback<Array<SessionData & { id: string }>>): Promise<any>;
  /** From express-session's Store. */
  regenerate(req: any, fn: (err?: any) => void): void;
  load(sid: string, fn: (err: any, session?: any) => void): void;
  createSession(req: any, session: SessionData): any;
}
