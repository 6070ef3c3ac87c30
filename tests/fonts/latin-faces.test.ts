// A Latin letter is set in the bundled faces' Latin subsets; a Greek, a Cyrillic or a Vietnamese letter in their
// full faces, every character drawn and read back. Which file a PDF embeds shows in its font program: pdfkit
// copies the face's head table, whose checksum differs between the subset and the full face.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as fontkit from 'fontkit'
import { PDFDict, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib'
import { describe, expect, test } from 'vitest'
import { bundledFontsDir } from '../../src/fonts/index.js'
import { frontMatter, render } from '../helpers/letters.js'

type Head = { head: { checkSumAdjustment: number } }

/** The checksum in the head table of a bundled face. */
const checksumOf = (file: string) => (fontkit.create(readFileSync(join(bundledFontsDir, file))) as unknown as Head).head.checkSumAdjustment

/** The head checksum of each font program a PDF embeds, by font name without the subset tag ("NotoSerif-Regular"). */
async function embeddedChecksums(pdf: Uint8Array): Promise<Record<string, number>> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false })
  const found: Record<string, number> = {}
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue
    const name = object.get(PDFName.of('FontName'))!.toString().replace(/^\/[A-Z]{6}\+/, '')
    const file = doc.context.lookup(object.get(PDFName.of('FontFile2')))
    if (!(file instanceof PDFRawStream)) throw new Error(`${name} has no TrueType font program`)
    const font = fontkit.create(Buffer.from(decodePDFRawStream(file).decode())) as unknown as Head
    found[name] = font.head.checkSumAdjustment
  }
  return found
}

const LATIN = {
  serif: checksumOf('noto-serif/NotoSerif-Regular-Latin.ttf'),
  serifBold: checksumOf('noto-serif/NotoSerif-Bold-Latin.ttf'),
  sans: checksumOf('noto-sans/NotoSans-Regular-Latin.ttf'),
}
const FULL = {
  serif: checksumOf('noto-serif/NotoSerif-Regular.ttf'),
  serifBold: checksumOf('noto-serif/NotoSerif-Bold.ttf'),
  sans: checksumOf('noto-sans/NotoSans-Regular.ttf'),
}

const letter = (lang: string, to: string, body: string) => `${frontMatter(`lang: ${lang}`, `to:\n  name: ${to}`)}${body}\n`

/** Letters in three scripts the Latin subsets lack, each with words set in bold. */
const SCRIPTS = {
  Greek: letter('el', 'Γιώργος Νικολάου', 'Αγαπητέ κύριε Νικολάου,\n\nΣας γράφω για τη θέση του **μηχανικού λογισμικού** στην Αθήνα.\n\nΜε εκτίμηση,\n\nΕλένη'),
  Cyrillic: letter('ru', 'Анна Смирнова', 'Уважаемая Анна Сергеевна,\n\nЯ пишу по поводу должности **инженера-исследователя** в Москве.\n\nС уважением,\n\nИван'),
  Vietnamese: letter('vi', 'Trần Thị Bích', 'Kính gửi chị Bích,\n\nTôi viết thư này về vị trí **kỹ sư nghiên cứu** tại Hà Nội.\n\nTrân trọng,\n\nNguyễn Văn An'),
}

/** The words of a text, for comparing what a PDF reads back with what the letter says. */
const words = (text: string) => text.normalize('NFC').match(/[\p{L}\p{M}-]+/gu) ?? []

describe('Latin subsets and full faces', () => {
  test('a Latin letter embeds the Latin subsets of the faces it uses', async () => {
    const { result, pdf } = await render(letter('de', 'Frau Müller', 'Sehr geehrte Frau Müller,\n\n„Grüße“ – **fett** gesetzt … ﬁne 1,7 Mio. €.\n\nMit freundlichen Grüßen\n\nJonas'))
    expect(result.warnings).toEqual([])
    expect(await embeddedChecksums(result.pdf)).toEqual({ 'NotoSerif-Regular': LATIN.serif, 'NotoSerif-Bold': LATIN.serifBold })
    expect(pdf.text.join(' ')).toContain('„Grüße“ – fett gesetzt')
  })

  test.each(Object.entries(SCRIPTS))('a %s letter is set in the full faces, every character drawn and read back', async (_, markdown) => {
    const { result, pdf } = await render(markdown)
    expect(result.warnings).toEqual([])
    expect(await embeddedChecksums(result.pdf)).toEqual({ 'NotoSerif-Regular': FULL.serif, 'NotoSerif-Bold': FULL.serifBold })
    const body = markdown.split('---\n\n')[1]!
    expect(words(pdf.text.join(' '))).toEqual(expect.arrayContaining(words(body)))
    const read = words(pdf.text.join(' ')).join(' ')
    for (const line of body.split('\n').filter(Boolean)) expect(read).toContain(words(line).join(' '))
  })

  test('the next Latin letter in the same process is set in the subsets again, in any theme', async () => {
    await render(SCRIPTS.Greek)
    const { result } = await render(letter('en', 'Sam', 'Dear Sam,\n\nPlain text.\n\nBest,\n\nKim'), { theme: 'modern' })
    expect(await embeddedChecksums(result.pdf)).toEqual({ 'NotoSans-Regular': LATIN.sans })
  })

  test('a character outside the Latin set anywhere the letter sets text brings in the full faces: front matter, code, a theme bullet', async () => {
    const inFrontMatter = await render(`${frontMatter('subject: Über Δ-Werte')}Dear Sam,\n`)
    expect((await embeddedChecksums(inFrontMatter.result.pdf))['NotoSerif-Regular']).toBe(FULL.serif)
    const inCode = await render('Dear Sam,\n\n`x → λ`\n', { theme: 'modern' })
    expect((await embeddedChecksums(inCode.result.pdf))['NotoSans-Regular']).toBe(FULL.sans)
    const dir = mkdtempSync(join(tmpdir(), 'letterpress-bullets-'))
    writeFileSync(join(dir, 'omega.yaml'), 'extends: classic\nlist:\n  bullets: ["Ω"]\n')
    const bullet = await render('Dear Sam,\n\n- one\n- two\n', { theme: join(dir, 'omega.yaml') })
    rmSync(dir, { recursive: true })
    expect(bullet.result.warnings).toEqual([])
    expect((await embeddedChecksums(bullet.result.pdf))['NotoSerif-Regular']).toBe(FULL.serif)
    expect(bullet.pdf.text.join(' ')).toContain('Ω')
  })
})
