// A render worker may not touch the network, so it has no fetch at all; that also spares the ~25 ms Node spends
// loading its HTTP client when yoga's WASM loader merely checks `typeof fetch`.
import { expectTarget } from './target.js'

/** Remove `fetch` from a thread's globals (this thread's unless given); throws if it cannot be removed. */
export function removeFetch(global: object = globalThis): void {
  const own = Object.getOwnPropertyDescriptor(global, 'fetch')
  expectTarget('node', !own || own.configurable, 'globalThis.fetch cannot be deleted')
  delete (global as { fetch?: unknown }).fetch
  expectTarget('node', !('fetch' in global), 'globalThis.fetch is still there once deleted')
}
