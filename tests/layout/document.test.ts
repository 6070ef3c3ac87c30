import type { Root } from 'mdast'
import { describe, expect, test } from 'vitest'
import { documentProperties } from '../../src/layout/document.js'
import { findParts } from '../../src/layout/structure.js'
import { parseLetter } from '../../src/parse/index.js'
import { resolveMeta } from '../../src/parse/meta.js'
import type { RawMeta } from '../../src/parse/schema.js'

const partsOf = (md: string) => findParts(parseLetter(md).tree as Root)
const BODY = 'Dear Sam,\n\nText.\n\nSincerely,\nAda Lovelace\n'

describe('documentProperties', () => {
  test('every property from the meta, the date from the epoch, and PDF/A-2a claimed', () => {
    const meta = resolveMeta({ title: 'T', subject: 'S', from: 'Han', keywords: ['a', 'b'], lang: 'de-DE' })
    const { document, topic } = documentProperties(meta, partsOf(BODY), 'letters/x.md', 1_700_000_000)
    expect(document).toEqual({
      title: 'T',
      author: 'Han',
      subject: 'S',
      keywords: 'a, b',
      language: 'de-DE',
      creationDate: new Date(1_700_000_000_000),
      conformance: 'PDF/A-2a',
    })
    expect(topic).toBe('T')
  })

  test('the topic is the title, else the subject, else the # heading; the title falls back to the file name', () => {
    const topicOf = (raw: RawMeta, md: string) => documentProperties(resolveMeta(raw), partsOf(md), 'letters/cover-letter.md', 0)
    expect(topicOf({ subject: 'S' }, `# Heading\n\n${BODY}`)).toMatchObject({ topic: 'S', document: { title: 'S', subject: 'S' } })
    expect(topicOf({}, `# The *Heading*\n\n${BODY}`)).toMatchObject({
      topic: 'The Heading',
      document: { title: 'The Heading', subject: undefined },
    })
    const none = topicOf({}, BODY)
    expect(none.topic).toBeUndefined()
    expect(none.document.title).toBe('cover-letter')
  })

  test('the author is the sender, else the name under the closing; no keywords and no PDF/A when off', () => {
    const { document } = documentProperties(resolveMeta({ pdfa: false }), partsOf(BODY), 'x.md', 0)
    expect(document).toMatchObject({ author: 'Ada Lovelace', keywords: undefined, conformance: undefined, language: 'en' })
  })

  test('without an epoch the creation date is now', () => {
    const before = Date.now()
    const { creationDate } = documentProperties(resolveMeta({}), partsOf(BODY), 'x.md').document
    expect((creationDate as Date).getTime()).toBeGreaterThanOrEqual(before)
    expect((creationDate as Date).getTime()).toBeLessThanOrEqual(Date.now())
  })
})
