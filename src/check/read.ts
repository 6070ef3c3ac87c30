import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { inflateSync } from 'node:zlib'
import { letterPages } from '../attach/letter-pages.js'
import { DecodeLimitError, MAX_DECODED_BYTES, withDecodeLimit } from '../patches/pdfjs-decode-limit.js'

/** What a reader (a test, `letterpress check`) needs to know about a PDF, read back the way a viewer or an ATS reads it. */
export interface PdfFacts {
  pages: number
  /** Page sizes in points, [width, height]. */
  sizes: [number, number][]
  /** Text per page in reading order, lines joined by "\n". */
  text: string[]
  /** Link annotations: page (1-based) and URL. */
  links: { page: number; url: string }[]
  info: { Title?: string; Author?: string; Subject?: string; Keywords?: string; Creator?: string; Producer?: string }
  /** The PDF's /Lang, if any. */
  lang?: string
  /** The letter's own pages, when the PDF records them (a letter with attached PDFs after it). */
  letterPages?: number
  /** Text items with their places: x and y from the page's top-left corner, in points. */
  items: { page: number; str: string; x: number; y: number; width: number; height: number }[]
  /** Every font object in the file: its name, subtype, whether its glyphs are embedded, and the pages (1-based) whose resources reach it (none when no page's do). */
  fonts: { name: string; subtype: string; embedded: boolean; pages: number[] }[]
}

/** The file's plain objects by number (their dictionaries, without stream data), and its font objects. */
interface RawObjects {
  bodies: Map<string, string>
  fonts: (Omit<PdfFacts['fonts'][number], 'pages'> & { id: string })[]
}

/**
 * Read a PDF with pdf.js (text, links, info) and its font objects from the raw bytes; a stream that decodes to
 * more than MAX_DECODED_MB throws DecodeLimitError.
 */
export async function readPdf(bytes: Uint8Array): Promise<PdfFacts> {
  const objects = fontObjects(bytes)
  const data = new Uint8Array(bytes)
  return withDecodeLimit(() => readWithPdfJs(data, objects))
}

async function readWithPdfJs(data: Uint8Array, fonts: RawObjects): Promise<PdfFacts> {
  const task = getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 })
  try {
    return await pdfFacts(await task.promise, fonts)
  } finally {
    await task.destroy()
  }
}

async function pdfFacts(doc: PDFDocumentProxy, objects: RawObjects): Promise<PdfFacts> {
  const facts: PdfFacts = { pages: doc.numPages, sizes: [], text: [], items: [], links: [], info: {}, fonts: [] }
  const pageIds: (string | undefined)[] = []
  const meta = await doc.getMetadata()
  facts.info = meta.info as PdfFacts['info']
  facts.lang = (meta.info as { Language?: string }).Language
  facts.letterPages = letterPages((meta.info as { Custom?: Record<string, unknown> }).Custom, doc.numPages)
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n)
    pageIds.push(page.ref ? String(page.ref.num) : undefined)
    const [x0, y0, x1, y1] = page.view as [number, number, number, number]
    facts.sizes.push([Math.round(x1 - x0), Math.round(y1 - y0)])
    const content = await page.getTextContent()
    let text = ''
    for (const item of content.items) {
      if (!('str' in item)) continue
      text += item.str + (item.hasEOL ? '\n' : '')
      if (item.str.trim()) {
        const [, , , d, e, f] = item.transform as number[]
        // pdf.js gives the baseline from the bottom; turn it into the top of the glyphs from the top.
        facts.items.push({ page: n, str: item.str, x: e!, y: y1 - y0 - f! - Math.abs(d!), width: item.width, height: Math.abs(d!) })
      }
    }
    facts.text.push(text)
    for (const a of await page.getAnnotations()) {
      if (a.subtype === 'Link' && a.url) facts.links.push({ page: n, url: a.url })
    }
  }
  facts.fonts = fontPages(objects, pageIds)
  return facts
}

/** Each font object with the pages whose resources reach it (an attached PDF's fonts are used on its pages only). */
function fontPages({ bodies, fonts }: RawObjects, pageIds: (string | undefined)[]): PdfFacts['fonts'] {
  const used = new Map<string, number[]>()
  pageIds.forEach((id, n) => {
    for (const font of reachedFrom(bodies, id)) used.set(font, [...(used.get(font) ?? []), n + 1])
  })
  return fonts.map(({ id, ...font }) => ({ ...font, pages: used.get(id) ?? [] }))
}

/** The objects a page reaches (its resources, their fonts and forms), never crossing to its parent or to another page. */
function reachedFrom(bodies: Map<string, string>, pageId: string | undefined): Set<string> {
  const seen = new Set<string>()
  const start = pageId === undefined ? undefined : bodies.get(pageId)
  if (start === undefined) return seen
  const queue = [start.replace(/\/(Parent|Annots)\s+(\d+\s+0\s+R|\[[^\]]*\])/g, '')]
  while (queue.length) {
    for (const [, id] of queue.pop()!.matchAll(/(\d+)\s+0\s+R\b/g)) {
      const body = bodies.get(id!)
      if (seen.has(id!) || body === undefined || /\/Type\s*\/Pages?\b/.test(body)) continue
      seen.add(id!)
      queue.push(body)
    }
  }
  return seen
}

/** Font dictionaries in the file, found in plain objects and inside compressed object streams. */
function fontObjects(bytes: Uint8Array): RawObjects {
  const raw = Buffer.from(bytes).toString('latin1')
  const texts = [raw]
  // Also look inside Flate streams, where some writers put object dictionaries.
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length
    const end = raw.indexOf('endstream', start)
    let out: Buffer
    try {
      out = inflateSync(Buffer.from(raw.slice(start, end), 'latin1'), { maxOutputLength: MAX_DECODED_BYTES })
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new DecodeLimitError()
      continue // Not a Flate stream.
    }
    if (out.includes('/Font')) texts.push(out.toString('latin1'))
  }
  const fonts: RawObjects['fonts'] = []
  const objects = texts.flatMap((text) => [...text.matchAll(/(\d+) 0 obj\s*<<([\s\S]*?)\nendobj/g)].map((m) => [m[1]!, m[2]!] as const))
  // Dictionaries only: stream data may hold anything that looks like a reference.
  const bodies = new Map(objects.map(([id, body]) => [id, body.split(/\bstream\r?\n/)[0]!]))
  const descriptors = new Map(
    objects.filter(([, body]) => /\/Type\s*\/FontDescriptor/.test(body)).map(([id, body]) => [id, /\/FontFile[23]?\s/.test(body)]),
  )
  for (const [id, body] of objects) {
    if (!/\/Type\s*\/Font\b/.test(body)) continue
    const subtype = /\/Subtype\s*\/(\w+)/.exec(body)?.[1] ?? '?'
    if (subtype === 'Type0') continue // its descendant CIDFont carries the descriptor
    const name = /\/BaseFont\s*\/([^\s/<>]+)/.exec(body)?.[1] ?? '?'
    const descriptor = /\/FontDescriptor\s+(\d+)\s+0\s+R/.exec(body)?.[1]
    fonts.push({ id, name, subtype, embedded: descriptor ? descriptors.get(descriptor) === true : false })
  }
  return { bodies, fonts }
}
