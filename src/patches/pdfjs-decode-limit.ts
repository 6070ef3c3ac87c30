// pdf.js keeps every decoded stream in a Uint8Array, which lives outside the V8 heap and so outside a worker's
// heap limit: a 4 MB PDF whose content stream inflates to 4 GB took 12 GB of memory to read. While a PDF is
// read, one array may hold at most MAX_DECODED_MB; a larger one marks the read as failed.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { cannotPatch, expectTarget } from './target.js'

/** The most one decoded stream of a PDF may take when it is read back, in MB. */
export const MAX_DECODED_MB = 128

/** The same in bytes. */
export const MAX_DECODED_BYTES = MAX_DECODED_MB * 1024 * 1024

/** A PDF that decodes to more than a reader may hold: a compression bomb or a file no letter needs. */
export class DecodeLimitError extends Error {
  constructor() {
    super(`the PDF has a stream that decodes to more than ${MAX_DECODED_MB} MB (a compression bomb?)`)
  }
}

/** Reads under way; each is marked when an array beyond the limit is asked for during it. */
const reads = new Set<{ exceeded: boolean }>()
const OriginalUint8Array = globalThis.Uint8Array
let originalDecompressionStream: typeof globalThis.DecompressionStream | undefined

// `new Uint8Array(n)` with n beyond the limit throws (pdf.js catches errors per page, so the read also remembers it).
const LimitedUint8Array: Uint8ArrayConstructor = new Proxy(OriginalUint8Array, {
  construct(target, args, newTarget): object {
    if (typeof args[0] === 'number' && args[0] > MAX_DECODED_BYTES) {
      for (const read of reads) read.exceeded = true
      throw new DecodeLimitError()
    }
    return Reflect.construct(target, args, newTarget === LimitedUint8Array ? target : newTarget)
  },
})

/** The file of pdf.js that decodes streams (its worker, which runs in this thread when there is no worker). */
const PDFJS_DECODER = 'pdfjs-dist/legacy/build/pdf.worker.mjs'

let decoderChecked = false

/**
 * Check that pdf.js's decoder is the one the limit was written for: a decoded stream grows into a `new Uint8Array`
 * of the global constructor, and Flate streams inflate through DecompressionStream only when it exists.
 */
export function checkPdfjsDecoder(source: string = readDecoder()): void {
  expectTarget(
    'pdfjs-dist',
    /ensureBuffer\(requested\) \{[^]{0,300}?new Uint8Array\(size\)/.test(source),
    'DecodeStream.ensureBuffer no longer grows its buffer as a new Uint8Array(size)',
  )
  expectTarget(
    'pdfjs-dist',
    /try \{[^]{0,200}?new DecompressionStream\(/.test(source),
    'its Flate streams no longer inflate through DecompressionStream where there is one',
  )
}

/** pdf.js's decoder as text; unreadable, it is not the one the limit was written for. */
function readDecoder(): string {
  try {
    return readFileSync(createRequire(import.meta.url).resolve(PDFJS_DECODER), 'latin1')
  } catch (error) {
    cannotPatch('pdfjs-dist', `${PDFJS_DECODER} cannot be read (${(error as Error).message})`)
  }
}

/**
 * Run `work` (a pdf.js read) with decoded streams limited to MAX_DECODED_MB each; throws DecodeLimitError when
 * one was larger. pdf.js's Flate streams otherwise inflate through DecompressionStream, whose chunks no limit
 * sees: without it they inflate through pdf.js's own decoder, whose buffer is a Uint8Array.
 */
export async function withDecodeLimit<T>(work: () => Promise<T>): Promise<T> {
  if (!decoderChecked) {
    checkPdfjsDecoder()
    decoderChecked = true
  }
  const read = { exceeded: false }
  if (!reads.size) {
    originalDecompressionStream = globalThis.DecompressionStream
    globalThis.Uint8Array = LimitedUint8Array
    delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream
  }
  reads.add(read)
  try {
    const result = await work()
    if (read.exceeded) throw new DecodeLimitError()
    return result
  } catch (error) {
    throw read.exceeded ? new DecodeLimitError() : error
  } finally {
    reads.delete(read)
    if (!reads.size) {
      globalThis.Uint8Array = OriginalUint8Array
      if (originalDecompressionStream) globalThis.DecompressionStream = originalDecompressionStream
    }
  }
}
