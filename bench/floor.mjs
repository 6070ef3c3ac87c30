// The floor to beat: the letter's Markdown paragraphs as <Text> on A4 pages with built-in
// Helvetica, no parsing, no letter layout: the least a react-pdf tool can do.
// FLOOR_FONT=FILE.ttf sets them in that face, embedded, instead: the least a react-pdf tool can do whose PDFs
// embed their fonts (PDF/A requires it; Helvetica is not embedded).
// Usage: NODE_ENV=production node bench/floor.mjs LETTER.md OUT.pdf (bench/warm.mjs imports it for warm renders).
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import React from 'react'
import { Document, Font, Page, Text, pdf } from '@react-pdf/renderer'

const family = process.env.FLOOR_FONT ? 'Floor' : 'Helvetica'
if (process.env.FLOOR_FONT) {
  Font.register({ family, src: process.env.FLOOR_FONT })
  // Built-in Helvetica is never hyphenated by react-pdf's English hyphenator either: the same line breaks.
  Font.registerHyphenationCallback((word) => [word])
}

/** The letter as plain react-pdf: one Text per Markdown paragraph. */
export function floorDocument(markdown) {
  const paragraphs = markdown
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
  const h = React.createElement
  return h(
    Document,
    null,
    h(
      Page,
      { size: 'A4', style: { padding: 56, fontFamily: family, fontSize: 11 } },
      paragraphs.map((p, i) => h(Text, { key: i, style: { marginBottom: 8 } }, p)),
    ),
  )
}

/** Render the floor document; the PDF bytes and page count. */
export async function renderFloor(doc) {
  const instance = pdf(doc)
  const stream = await instance.toBuffer()
  const buffer = await new Promise((resolve, reject) => {
    const chunks = []
    stream
      .on('data', (c) => chunks.push(c))
      .on('end', () => resolve(Buffer.concat(chunks)))
      .on('error', reject)
  })
  return { buffer, pages: (buffer.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [input, output] = process.argv.slice(2)
  writeFileSync(output, (await renderFloor(floorDocument(readFileSync(input, 'utf8')))).buffer)
}
