// A minimal stand-in for @types/node, used only when @types/node is not installed (tsconfig's
// typeRoots lists node_modules/@types first, so the real package wins when present). It
// declares just what index.d.ts and usage.ts touch, with the same shapes as @types/node.

declare module 'events' {
  class EventEmitter {
    constructor(options?: { captureRejections?: boolean });
    addListener(eventName: string | symbol, listener: (...args: any[]) => void): this;
    on(eventName: string | symbol, listener: (...args: any[]) => void): this;
    once(eventName: string | symbol, listener: (...args: any[]) => void): this;
    off(eventName: string | symbol, listener: (...args: any[]) => void): this;
    removeListener(eventName: string | symbol, listener: (...args: any[]) => void): this;
    removeAllListeners(eventName?: string | symbol): this;
    emit(eventName: string | symbol, ...args: any[]): boolean;
    listenerCount(eventName: string | symbol): number;
    listeners(eventName: string | symbol): Function[];
  }
  export { EventEmitter };
  export default EventEmitter;
}

type BufferEncoding = 'ascii' | 'utf8' | 'utf-8' | 'utf16le' | 'ucs2' | 'ucs-2' | 'base64' | 'base64url' | 'latin1' | 'binary' | 'hex';

interface Buffer extends Uint8Array {
  toString(encoding?: BufferEncoding, start?: number, end?: number): string;
  equals(otherBuffer: Uint8Array): boolean;
}

interface BufferConstructor {
  /** @deprecated as in @types/node: use Buffer.from */
  new (str: string, encoding?: BufferEncoding): Buffer;
  from(str: string, encoding?: BufferEncoding): Buffer;
  from(data: Uint8Array | ReadonlyArray<number>): Buffer;
  alloc(size: number): Buffer;
  isBuffer(obj: any): obj is Buffer;
  byteLength(string: string, encoding?: BufferEncoding): number;
  concat(list: ReadonlyArray<Uint8Array>, totalLength?: number): Buffer;
}

declare var Buffer: BufferConstructor;
