import { dirname, resolve } from 'node:path'
import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { LAST_RESORT_FAMILY } from './fonts/index.js'
import { missingGlyphs } from './fonts/coverage.js'
import { useHyphenation } from './fonts/hyphenation.js'
import { useFonts } from './fonts/use-fonts.js'
import { documentProperties, letterTopic, type DocumentInfo } from './layout/document.js'
import { fitToPages } from './layout/fit.js'
import { cvBuilder, loadCvFaces } from './layout/cv-builder.js'
import { letterBuilder } from './layout/letter-builder.js'
import { readSignature } from './layout/signature.js'
import { labelsFor } from './layout/labels.js'
import { letterParts } from './layout/structure.js'
import { captureConsole } from './patches/console-capture.js'
import { lintMeta } from './parse/lints.js'
import { message } from './parse/message.js'
import { metaTexts } from './parse/meta.js'
import { fillSourceText } from './parse/placeholders.js'
import { readLetter, type ReadLetter } from './parse/read-letter.js'
import { letterSource } from './resume/index.js'
import type { RawMeta } from './parse/schema.js'
import { smartenMeta, smartenPunctuation } from './parse/typography.js'
import { paginate, drawPdf, joinParts, type LaidPart, type Paginated } from './draw/index.js'
import { appendAttachments, letterAttachments, LETTER_PAGES_KEY, type LetterAttachment } from './attach/index.js'
import { resolveTheme } from './theme/index.js'
import { cvBlocks } from './text/cv-blocks.js'
import { letterBlocks } from './text/letter-blocks.js'
import { plainText } from './text/plain-text.js'
import type { LetterMessage, LetterMeta } from './types.js'
import { recordReads, type FileRead } from './util/read-file.js'

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
  /** Files (PDFs, Markdown) appended after the letter, after the front matter's `attach` (absolute or relative to the cwd; not confined). */
  attach?: string[]
  /** Also give the letter as plain text (RenderResult.text); default: the letter's `txt` field (front matter or config). */
  txt?: boolean
  /** Columns the plain text is wrapped at (default 72; 0: one line per paragraph). */
  txtWrap?: number
  /** The working folder: relative paths in these options are resolved against it, and paths in messages shown from it (default: the process's). */
  cwd?: string
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
  /**
   * Every file the render read by the read rule (images, signature, theme file, attachments, fonts), found or
   * not, with its content hash: what the PDF depends on besides the letter and the options.
   */
  inputs: FileRead[]
  /** The letter as plain text, in the PDF's words and reading order, when asked for (`txt`). */
  text?: string
  /** A one-file application's parts in page order, the letter first, so each can be read back on its own pages. */
  parts?: ApplicationPart[]
}

/** One part of a one-file application: its file, its pages, and for letterpress's own parts the Markdown its words come from. */
export interface ApplicationPart {
  file: string
  pages: number
  /** The Markdown as set (a JSON Resume's as converted, placeholders filled); none for an attached PDF. */
  source?: string
  hyphenate: boolean
}

let queue: Promise<unknown> = Promise.resolve()

/**
 * Markdown letter in, PDF bytes out: parse → meta → theme and fonts → map and lay out → render.
 * Renders run one at a time: react-pdf's font store and hyphenation setting are shared by the process.
 */
export function renderLetter(markdown: string, options: RenderOptions = {}): Promise<RenderResult> {
  const result = queue.then(async () => {
    const { value, reads } = await recordReads(() => withLibraryMessages(() => renderOne(markdown, options)))
    return { ...value, inputs: reads }
  })
  queue = result.catch(() => undefined)
  return result
}

/**
 * react-pdf and its image decoders report some problems on the console ("Node of type VIEW can't wrap between
 * pages…"); during a render they become warnings of the letter, each once, instead of stray output.
 */
async function withLibraryMessages<T extends { warnings: LetterMessage[] }>(render: () => Promise<T>): Promise<T> {
  const { result, lines } = await captureConsole(['warn', 'error'], render)
  for (const text of new Set(lines.map((line) => line.trim()))) result.warnings.push(message(`react-pdf: ${text}`, 'react-pdf'))
  return result
}

/** One source through the pipeline: a JSON Resume is converted to Markdown first, and its messages placed in the JSON. */
async function renderOne(text: string, options: RenderOptions): Promise<Omit<RenderResult, 'inputs'>> {
  const source = letterSource(text, options.path ?? 'letter.md')
  try {
    const result = await renderMarkdown(source.markdown, options)
    return { ...result, warnings: result.warnings.map(source.warning) }
  } catch (error) {
    throw source.error(error)
  }
}

/** One letter through the pipeline: read (parse, meta), attachments read (Markdown ones parsed), laid out, drawn — with its attachments, as one application. */
async function renderMarkdown(markdown: string, options: RenderOptions): Promise<Omit<RenderResult, 'inputs'>> {
  const path = options.path ?? 'letter.md'
  const cwd = options.cwd ?? process.cwd()
  const baseDir = resolve(cwd, options.baseDir ?? (options.path ? dirname(options.path) : '.'))
  const allowPaths = (options.allowPaths ?? []).map((dir) => resolve(cwd, dir))
  const files = { baseDir, allowPaths, file: path }
  const letter = readLetter(markdown, path, options)
  const { parsed, read, warnings } = letter
  const { meta } = read
  const { theme, pdfa, sourceDateEpoch, values, row } = options
  const inputs = { theme, paper: options.paper, pdfa, sourceDateEpoch, values, row }
  const caller = { attach: options.attach, pdfa, cwd, inputs, topic: sourceTopic }
  const attachments = await letterAttachments(parsed, read, caller, files, warnings)

  const parts = attachments.flatMap((attachment) => (attachment.part ? [attachment.part] : []))
  // Every part decides alike between the bundled fonts' Latin subsets and their full faces (one face per font in the file).
  const texts = [letter, ...parts].flatMap(({ parsed, read }) => [toString(parsed.tree), JSON.stringify(read.meta)])
  const laid = await layOut(letter, files, options, texts)
  const { pdf, pages, twins, applicationParts } = attachments.length
    ? await drawApplication(laid, attachments, options, { texts, path, warnings })
    : { ...(await drawPdf(laid.paginated)), twins: [], applicationParts: undefined }
  const { document } = laid
  // The twin of a one-file application holds its Markdown parts too, each after a break line (attached PDFs' words are not read).
  const text = laid.text === undefined ? undefined : [laid.text, ...twins].map((twin) => twin.trimEnd()).join(PART_BREAK) + '\n'
  return {
    pdf,
    pages,
    letterPages: laid.paginated.pages,
    warnings,
    meta,
    title: document.title,
    author: document.author,
    ...(text !== undefined && { text }),
    ...(applicationParts && {
      parts: [
        { file: path, pages: laid.paginated.pages, source: fillSourceText(markdown, options.values, meta), hyphenate: meta.hyphenate },
        ...applicationParts,
      ],
    }),
  }
}

/**
 * A one-file application: each Markdown part laid out as the letter is (its own max-pages and fit, never the
 * caller's, which count the letter's pages), every part drawn as one tagged document with an outline entry
 * each, then attached PDFs put in their place.
 */
async function drawApplication(
  letter: LaidOut,
  attachments: LetterAttachment[],
  options: RenderOptions,
  { texts, path, warnings }: { texts: string[]; path: string; warnings: LetterMessage[] },
): Promise<{ pdf: Uint8Array; pages: number; twins: string[]; applicationParts: ApplicationPart[] }> {
  const lang = letter.document.language
  const joined: LaidPart[] = [{ laid: letter.paginated, title: letter.topic ?? labelsFor(lang ?? '').letter, lang }]
  // The parts laid out here (Markdown and JSON Resume), as --check reads them back.
  const laidParts = new Map<LetterAttachment, ApplicationPart>()
  const twins: string[] = []
  // A part's plain-text twin is made when the letter's is.
  const partOptions = { ...options, maxPages: undefined, fit: undefined, txt: letter.text !== undefined }
  for (const attachment of attachments) {
    if (!attachment.part) continue
    const { converted } = attachment.part
    const part = await layOut(attachment.part, attachment.part.files, partOptions, texts).catch((error: unknown) =>
      Promise.reject(converted.error(error)),
    )
    warnings.push(...partWarnings(attachment.part.warnings.map(converted.warning), attachment.file, warnings))
    joined.push({ laid: part.paginated, title: part.topic ?? attachment.part.title, lang: attachment.part.read.meta.lang })
    const { meta } = attachment.part.read
    laidParts.set(attachment, {
      file: attachment.file,
      pages: part.paginated.pages,
      source: fillSourceText(converted.markdown, options.values, meta),
      hyphenate: meta.hyphenate,
    })
    if (part.text !== undefined) twins.push(part.text)
  }
  const drawn = await drawPdf(joinParts(joined, { [LETTER_PAGES_KEY]: letter.paginated.pages }))
  // An attached PDF is a part too, by the pages it gave.
  const partsOf = (copied: Map<LetterAttachment, number>) =>
    attachments.map((a) => laidParts.get(a) ?? { file: a.file, pages: copied.get(a) ?? 0, hyphenate: false })
  if (attachments.every((attachment) => attachment.part)) return { ...drawn, twins, applicationParts: partsOf(new Map()) }
  const pages = { letter: letter.paginated.pages, drawn: (attachment: LetterAttachment) => laidParts.get(attachment)?.pages ?? 0 }
  const { copied, ...appended } = await appendAttachments(drawn.pdf, attachments, pages, path, warnings)
  return { ...appended, twins, applicationParts: partsOf(copied) }
}

/** A part's warnings as the letter reports them: each naming the part's file, those it shares with the letter (its fonts, its sender) once. */
function partWarnings(own: LetterMessage[], file: string, letter: LetterMessage[]): LetterMessage[] {
  const known = new Set(letter.filter((w) => w.line === null).map((w) => w.message))
  return own.filter((w) => w.line !== null || !known.has(w.message)).map((w) => ({ ...w, file: w.file ?? file }))
}

/** What stands between the parts of a one-file application's plain-text twin. */
const PART_BREAK = '\n\n* * *\n\n'

/**
 * How the letter lists an attached source under Enclosures: a CV by its own title or the word for a CV ("CV",
 * "Lebenslauf": the sender's name stands right above), a letter by its title, subject or `#` heading.
 */
function sourceTopic({ parsed, read }: ReadLetter, file: string): string | undefined {
  const { meta } = read
  return meta.layout === 'cv' ? (meta.title ?? labelsFor(meta.lang).cv) : letterTopic(meta, letterParts(parsed.tree, file))
}

/** Where a layout reads its files, and the time that fixes its dates. */
type LayoutFiles = Parameters<typeof cvBuilder>[2]

/** A letter's parts, signature and document properties, the builder that lays it out with a theme, and its text as blocks. */
function letterLayout(tree: Root, meta: LetterMeta, layout: LayoutFiles, place: ReadLetter['read']['place'], warnings: LetterMessage[]) {
  const parts = letterParts(tree, layout.file)
  const signature = readSignature(meta.signature, layout.baseDir, layout.allowPaths, place(['signature']), warnings)
  const { document, topic } = documentProperties(meta, parts, layout.file, layout.sourceDateEpoch)
  const blocks = (din: boolean) => letterBlocks(tree, parts, meta, din)
  return { document, topic, build: letterBuilder(tree, { parts, meta, signature, document, topic }, layout), blocks }
}

/** A CV's document properties (its title is its topic: "Ada Lindqvist – CV"), its builder, and its text as blocks. */
function cvLayout(tree: Root, meta: LetterMeta, layout: LayoutFiles, place: ReadLetter['read']['place']) {
  const { parts, meta: named, document, build } = cvBuilder(tree, meta, layout, place)
  return { document, topic: document.title as string | undefined, build, blocks: () => cvBlocks(tree, parts, named) }
}

/** A source laid out and paginated, with its document properties, its topic and (when asked) its plain-text twin. */
type LaidOut = { paginated: Paginated; document: DocumentInfo; topic?: string; text?: string }

/** One source's inner steps, for the letter and each Markdown part alike (inside the render in hand): theme and fonts, text, lints, parts, layout, pagination fitted to its max-pages. */
async function layOut(
  { parsed, read, warnings }: ReadLetter,
  files: { baseDir: string; allowPaths: string[]; file: string },
  options: RenderOptions,
  texts: string[],
): Promise<LaidOut> {
  const { meta, place } = read
  const { baseDir, allowPaths, file: path } = files
  const cwd = options.cwd ?? process.cwd()
  // A theme file the letter or the project config names is confined as its images are; options.theme (--theme) is the caller's own.
  const themeFile = {
    baseDir,
    file: path,
    roots: options.theme === undefined ? [baseDir, ...allowPaths] : undefined,
    place: place(['theme']),
  }
  const theme = await useFonts(
    resolveTheme(meta, themeFile),
    { dirs: options.fontDirs ?? [resolve(cwd, 'fonts')], cwd },
    meta.fallbacks,
    warnings,
    // What the letter may set: its text (placeholders filled), and every value of its meta (the date formatted), with its parts'.
    texts,
  )
  // Checked before smart punctuation changes the text, so places are those of the source.
  warnings.push(...(await missingGlyphs(parsed.tree, theme.fonts, metaTexts(meta), LAST_RESORT_FAMILY)))
  smartenPunctuation(parsed.tree, meta.lang)
  const typeset = smartenMeta(meta)
  // Hyphenation splits words in the text layer ("devel-oped"), which applicant-tracking systems misread: off unless asked for.
  const names = [meta.from?.name, meta.to?.name, meta.to?.company].filter((n): n is string => Boolean(n))
  const hyphenated = await useHyphenation(meta.hyphenate, meta.lang, names)
  const txtFlags = { txtWrapFlag: options.txtWrap !== undefined, txtFlag: options.txt }
  warnings.push(...lintMeta(meta, theme, { hyphenated, fitFlag: options.fit, ...txtFlags, place }))

  const layout = { ...files, sourceDateEpoch: options.sourceDateEpoch }
  if (meta.layout === 'cv') await loadCvFaces(theme)
  const { document, topic, build, blocks } =
    meta.layout === 'cv' ? cvLayout(parsed.tree, typeset, layout, place) : letterLayout(parsed.tree, typeset, layout, place, warnings)
  // The plain-text twin reads the same parts and typeset meta as the layout, so the two cannot differ.
  const text =
    (options.txt ?? meta.txt) ? plainText(blocks(Boolean(theme.din)), { wrap: options.txtWrap, maxDepth: theme.list.maxDepth }) : undefined
  const first = build(theme)
  warnings.push(...first.warnings)
  // Paginated first: --fit only needs page counts, so only the chosen layout is drawn to PDF.
  const paginated = await fitToPages(first.element, { build: (step) => build(step).element, paginate }, theme, meta, path)
  return { paginated, document, topic, text }
}
