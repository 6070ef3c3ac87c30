import { basename, dirname, extname, resolve } from 'node:path'
import { Font } from '@react-pdf/renderer'
import { toString } from 'mdast-util-to-string'
import { availableFamilies, hasFamily, LAST_RESORT_FAMILY, registerFonts, scanFonts } from './fonts/index.js'
import { missingGlyphs } from './fonts/coverage.js'
import { layoutLetter } from './layout/letter.js'
import { findParts } from './layout/structure.js'
import { createMapper } from './map/index.js'
import { resolveImage, type ImageSource } from './map/image-source.js'
import { linkTarget } from './map/url.js'
import { recipientLines } from './layout/recipient.js'
import { LetterError } from './parse/errors.js'
import { message, NOWHERE } from './parse/message.js'
import { parseLetter } from './parse/index.js'
import { captureConsole } from './patches/console-capture.js'
import { fillPlaceholders } from './parse/placeholders.js'
import { checkNesting, checkSize } from './parse/limits.js'
import { smartenPunctuation, smartenText } from './parse/typography.js'
import { useHyphenation } from './fonts/hyphenation.js'
import { mergeLayers, resolveMeta } from './parse/meta.js'
import type { RawMeta } from './parse/schema.js'
import { layOut, renderLaid, type LaidOut } from './render/index.js'
import { appendAttachments, enclosureNames, readAttachments } from './render/attach.js'
import { NO_HYPHEN_BREAKS, withTextDefaults } from './render/text-options.js'
import type { ReactElement } from 'react'
import type { DocumentProps } from '@react-pdf/renderer'
import { firstFitting, fitSteps, guessFitting } from './layout/fit.js'
import { resolveTheme, themes, type Theme } from './theme/index.js'
import { PAPER_HEIGHT, PAPER_WIDTH, toMm } from './theme/units.js'
import type { LetterMessage, LetterMeta } from './types.js'

/** Options for rendering one letter. */
export interface RenderOptions {
  /** The letter's path: named in messages, the default for `baseDir`, the last resort for the title. */
  path?: string
  /** Folder that images and the signature are relative to (default: the letter's folder, else the cwd). */
  baseDir?: string
  /** Project-wide defaults (letterpress.config.yaml), laid under the front matter. */
  config?: RawMeta
  /** Laid over the front matter, as command-line flags are (a theme file named here is the caller's own: not confined). */
  theme?: string
  paper?: 'A4' | 'Letter'
  maxPages?: number
  /** Claim PDF/A-2a (default true); false turns it off, as --no-pdfa does. */
  pdfa?: boolean
  /** Shrink the letter (within the theme's bounds) to meet maxPages. */
  fit?: boolean
  /** Seconds since the epoch: fixes "today" and the PDF's dates (SOURCE_DATE_EPOCH). */
  sourceDateEpoch?: number
  /** Folders besides the letter's own that images, the signature, attachments and theme files may be read from. */
  allowPaths?: string[]
  /** Folders with the user's own TTF/OTF fonts (default: ./fonts). */
  fontDirs?: string[]
  /** Mail merge: a data row whose values fill the letter's {{placeholders}} (besides its own fields). */
  values?: Record<string, unknown>
  /** The row's name in messages ("row 3"). */
  row?: string
  /** PDFs appended after the letter, after the front matter's `attach` (absolute or relative to the cwd; not confined). */
  attach?: string[]
}

/** A rendered letter. */
export interface RenderResult {
  pdf: Uint8Array
  pages: number
  /** The letter's own pages, before any attached ones. */
  letterPages: number
  warnings: LetterMessage[]
  meta: LetterMeta
  /** The PDF's Title and Author as set. */
  title: string
  author?: string
}

let queue: Promise<unknown> = Promise.resolve()

/**
 * Markdown letter in, PDF bytes out: parse → meta → theme and fonts → map and lay out → render.
 * Renders run one at a time: react-pdf's font store and hyphenation setting are shared by the process.
 */
export function renderLetter(markdown: string, options: RenderOptions = {}): Promise<RenderResult> {
  const result = queue.then(() => withLibraryMessages(() => renderOne(markdown, options)))
  queue = result.catch(() => undefined)
  return result
}

/**
 * react-pdf and its image decoders report some problems on the console ("Node of type VIEW can't wrap between
 * pages…"); during a render they become warnings of the letter, each once, instead of stray output.
 */
async function withLibraryMessages(render: () => Promise<RenderResult>): Promise<RenderResult> {
  const { result, lines } = await captureConsole(['warn', 'error'], render)
  for (const text of new Set(lines.map((line) => line.trim()))) result.warnings.push(message(`react-pdf: ${text}`, 'react-pdf'))
  return result
}

async function renderOne(markdown: string, options: RenderOptions): Promise<RenderResult> {
  const path = options.path ?? 'letter.md'
  const baseDir = resolve(options.baseDir ?? (options.path ? dirname(options.path) : '.'))
  checkSize(Buffer.byteLength(markdown), path)
  const allowPaths = (options.allowPaths ?? []).map((dir) => resolve(dir))
  const parsed = parseLetter(markdown, path)
  checkNesting(parsed.tree, path)
  const warnings: LetterMessage[] = [...parsed.warnings]
  // Placeholders are filled before anything reads the fields or the text (checked after parsing, so places hold).
  const layers = fillPlaceholders(parsed.tree, mergeLayers(options.config ?? {}, parsed.raw), { row: options.values, label: options.row, place: (field) => (hasField(parsed.raw, field) ? parsed.place(field) : NOWHERE) }, path)
  const meta = resolveMeta(layers, {
    theme: options.theme,
    paper: options.paper,
    maxPages: options.maxPages,
    fit: options.fit,
    pdfa: options.pdfa,
    sourceDateEpoch: options.sourceDateEpoch,
    attach: options.attach,
  })
  // Attached PDFs are found and read before the letter is laid out, so a missing one fails fast (render/attach.ts).
  const own = parsed.raw.attach
  const placeOf = (i: number) => (own === undefined ? NOWHERE : parsed.place(Array.isArray(own) ? ['attach', i] : ['attach']))
  const attachments = readAttachments(meta.attach, options.attach ?? [], { baseDir, allowPaths, file: path, placeOf })
  // Enclosures the letter does not list itself are the attachments, named by their own Titles where they have one.
  if (layers.enclosures === undefined && attachments.length) meta.enclosures = await enclosureNames(attachments, path, warnings)
  if (attachments.length && (options.pdfa ?? layers.pdfa) === true) {
    const at = options.pdfa === undefined && parsed.raw.pdfa !== undefined ? parsed.place(['pdfa']) : NOWHERE
    warnings.push(message('no PDF/A claim for a letter with attachments: the attached PDFs are not checked for conformance', 'letterpress:attach', at))
  }

  // A theme file the letter or the project config names is confined as its images are; options.theme (--theme) is the caller's own.
  const themeFile = { baseDir, file: path, roots: options.theme === undefined ? [baseDir, ...allowPaths] : undefined, place: hasField(parsed.raw, ['theme']) ? parsed.place(['theme']) : undefined }
  const theme = await useFonts(resolveTheme(meta, themeFile), options.fontDirs ?? [resolve('fonts')], meta.fallbacks, warnings)
  // Checked before smart punctuation changes the text, so places are those of the source.
  const metaText = [meta.subject, meta.closing, meta.from?.name, meta.from?.title, meta.to?.name, meta.to?.title, meta.to?.company, ...(meta.to?.address ?? []), ...(meta.from?.address ?? []), ...meta.enclosures, ...meta.cc]
  warnings.push(...(await missingGlyphs(parsed.tree, theme.fonts, metaText.filter((t): t is string => Boolean(t)), LAST_RESORT_FAMILY)))

  smartenPunctuation(parsed.tree, meta.lang)
  // The front matter's subject and title get the body's typography too (curly quotes, dashes, guillemets).
  const subject = meta.subject === undefined ? undefined : smartenText(meta.subject, meta.lang)
  const metaTitle = meta.title === undefined ? undefined : smartenText(meta.title, meta.lang)
  // Hyphenation splits words in the text layer ("devel-oped"), which applicant-tracking systems misread: off unless asked for.
  const names = [meta.from?.name, meta.to?.name, meta.to?.company].filter((n): n is string => Boolean(n))
  if (!(await useHyphenation(meta.hyphenate, meta.lang, names))) {
    warnings.push(message(`no hyphenation patterns for "${meta.lang}"; hyphenation stays off`, 'letterpress:meta'))
  }
  for (const link of meta.from?.links ?? []) {
    if (!linkTarget(/^[a-z][a-z0-9+.-]*:/i.test(link.url) ? link.url : `https://${link.url}`)) {
      warnings.push(message(`from.links: "${link.url}" is set as plain text: only http, https, mailto and tel links are clickable`, 'letterpress:meta'))
    }
  }
  if (theme.din && meta.to) {
    const room = Math.floor((theme.din.addressField.height - theme.din.notesZone) / (theme.size.body * theme.leading.tight))
    const lines = recipientLines(meta.to).length
    if (lines > room) {
      warnings.push(message(`the recipient's address has ${lines} lines; the envelope window shows ${room}`, 'letterpress:theme'))
    }
  }
  if (theme.din && meta.paper !== 'A4') {
    warnings.push(message(`theme "${theme.name}" places the address for an A4 window envelope, but the paper is ${meta.paper}`, 'letterpress:theme'))
  }
  if (meta.fit && meta.maxPages === undefined) {
    // Fitting needs a page count to fit to; a letter of any length is left as it is.
    const asked = options.fit ? '--fit' : 'fit: true'
    const at = !options.fit && hasField(parsed.raw, ['fit']) ? parsed.place(['fit']) : NOWHERE
    warnings.push(message(`${asked} does nothing without max-pages: set max-pages: N in the front matter or --max-pages N`, 'letterpress:meta', at))
  }
  const parts = findParts(parsed.tree)
  if (!parts.title && !parts.salutation && !parts.body.length && !parts.closing) {
    throw new LetterError('letter is empty: write the letter below the front matter', null, null, path)
  }

  let signature: Buffer | undefined
  if (meta.signature) {
    const source = resolveImage(meta.signature, baseDir, allowPaths)
    if ('data' in source) signature = source.data
    else {
      // The warning points at the signature field when the letter names it (not the config).
      const at = hasField(parsed.raw, ['signature']) ? parsed.place(['signature']) : NOWHERE
      warnings.push(message(`signature: ${source.problem}; rendered without it`, 'letterpress:meta', at))
    }
  }
  // What the letter is about, in its own words; the file name is only the document's last-resort title.
  const topic = metaTitle ?? subject ?? (parts.title ? toString(parts.title) : undefined)
  const title = topic ?? basename(path, extname(path))
  const author = meta.from?.name ?? parts.author
  const when = options.sourceDateEpoch === undefined ? new Date() : new Date(options.sourceDateEpoch * 1000)
  const document = {
    title,
    author,
    subject,
    keywords: meta.keywords.length ? meta.keywords.join(', ') : undefined,
    language: meta.lang,
    // No modification date: react-pdf writes it as a non-standard /ModificationDate entry.
    creationDate: when,
    // PDF/A-2a (the tagged level): pdfkit then writes PDF 1.7, XMP with the PDF/A identification and an
    // sRGB output intent; the structure tree comes from src/render/tagged.ts.
    // (react-pdf's types list only the B levels; our renderer hands the value to pdfkit, which knows 2a.)
    conformance: (meta.pdfa ? 'PDF/A-2a' : undefined) as DocumentProps['conformance'],
  }
  // Map and lay out with a given theme; the mapper's warnings are the same for every theme, so kept once.
  // Every layout of this render (--fit tries several) shares the images read and checked for the first.
  const images = new Map<string, ImageSource>()
  const build = (withTheme: Theme) => {
    const state = createMapper(parsed.tree, withTheme, baseDir, PAPER_WIDTH[meta.paper], allowPaths, PAPER_HEIGHT[meta.paper], images)
    // Without hyphenation, lines break at spaces only (see NO_HYPHEN_BREAKS).
    const textDefaults = meta.hyphenate ? {} : { hyphenationPenalty: NO_HYPHEN_BREAKS }
    const element = withTextDefaults(layoutLetter(state, { parts, meta: { ...meta, subject }, signature, document, topic }), textDefaults) as ReactElement<DocumentProps>
    return { element, warnings: state.warnings }
  }
  const first = build(theme)
  warnings.push(...first.warnings)

  // Laid out first: --fit only needs page counts, so only the chosen layout is rendered to PDF.
  let laid = await layOut(first.element)
  const limit = meta.maxPages
  if (limit !== undefined && laid.pages > limit) {
    if (!meta.fit) {
      throw new LetterError(`letter runs to ${laid.pages} pages; at most ${limit} allowed (max-pages; fit: true or --fit may shrink it)`, null, null, path)
    }
    const steps = fitSteps(theme)
    const tries = new Map<number, LaidOut>([[0, laid]])
    const attempt = async (i: number) => {
      if (!tries.has(i)) tries.set(i, await layOut(build(steps[i]!).element))
      return tries.get(i)!.pages <= limit
    }
    const found = await firstFitting(steps.length, attempt, guessFitting(steps, laid, limit, { width: PAPER_WIDTH[meta.paper], height: PAPER_HEIGHT[meta.paper] }))
    if (found === -1) {
      const tightest = tries.get(steps.length - 1)!
      const last = steps.at(-1)!
      const lines = Math.ceil(overflow(tightest, limit, last, meta.paper) / (last.size.body * last.leading.body))
      throw new LetterError(
        `letter does not fit on ${limit} page${limit === 1 ? '' : 's'} even at the tightest setting the theme allows ` +
          `(body ${last.size.body} pt, leading ${last.leading.body.toFixed(2)}, margins ${Math.round(toMm(Math.min(...Object.values(last.page.margin))))} mm): ` +
          `it overflows by ${Math.round(toMm(overflow(tightest, limit, last, meta.paper)))} mm (about ${lines} line${lines === 1 ? '' : 's'})`,
        null,
        null,
        path,
      )
    }
    laid = tries.get(found)!
  }
  const rendered = await renderLaid(laid)
  const { pdf, pages } = attachments.length ? await appendAttachments(rendered.pdf, attachments, path, warnings) : rendered
  return { pdf, pages, letterPages: rendered.pages, warnings, meta, title, author }
}

/** How much flowing content stands beyond the allowed pages, in points: full pages past it, then the last. */
function overflow(rendered: LaidOut, limit: number, theme: Theme, paper: LetterMeta['paper']): number {
  const { margin } = theme.page
  const textArea = PAPER_HEIGHT[paper] - margin.top - margin.bottom
  return Math.max(0, rendered.pages - limit - 1) * textArea + rendered.lastPageFill
}

/** Check the theme's families exist (warning and falling back to the theme's own when not) and register them. */
async function useFonts(theme: Theme, dirs: string[], fallbacks: string[], warnings: LetterMessage[]): Promise<Theme> {
  for (const dir of dirs) warnings.push(...scanFonts(dir))
  const defaults = (themes[theme.name] ?? themes.classic!).fonts
  // The letter's own fallbacks (a CJK font in fonts/, say) are tried before the theme's.
  const fonts = { ...theme.fonts, fallbacks: [...new Set([...fallbacks, ...theme.fonts.fallbacks])] }
  for (const role of ['body', 'heading', 'mono'] as const) {
    if (hasFamily(fonts[role])) continue
    warnings.push(message(`font family "${fonts[role]}" not found in fonts/ or the bundled fonts; using "${defaults[role]}" (available: ${availableFamilies().join(', ')})`, 'letterpress:fonts'))
    fonts[role] = defaults[role]
  }
  fonts.fallbacks = fonts.fallbacks.filter((family) => {
    if (hasFamily(family)) return true
    warnings.push(message(`fallback font family "${family}" not found in fonts/ or the bundled fonts; left out (available: ${availableFamilies().join(', ')})`, 'letterpress:fonts'))
    return false
  })
  await registerFonts([fonts.body, fonts.heading, fonts.mono, ...fonts.fallbacks])
  // The body and mono faces measure over-long tokens before layout.
  for (const fontFamily of [fonts.body, fonts.mono]) await Font.load({ fontFamily, fontWeight: 400, fontStyle: 'normal' } as never)
  return { ...theme, fonts }
}

/** Whether the letter's own front matter has the field at `path` (else it came from the project config). */
function hasField(raw: RawMeta, path: string[]): boolean {
  let node: unknown = raw
  for (const key of path) {
    if (!node || typeof node !== 'object' || !Object.hasOwn(node, key)) return false
    node = (node as Record<string, unknown>)[key]
  }
  return true
}
