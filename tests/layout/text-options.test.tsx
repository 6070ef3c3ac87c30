import { Document, Page, Text, View } from '@react-pdf/renderer'
import type { ReactNode } from 'react'
import { describe, expect, test } from 'vitest'
import { withTextDefaults } from '../../src/layout/text-options.js'
import { findAll } from '../helpers/element.js'

const Block = ({ children }: { children: ReactNode }) => <View>{children}</View>

describe('withTextDefaults', () => {
  test('every Text gets the defaults, inside function components too; a Text that sets the prop keeps its own', () => {
    const tree = withTextDefaults(
      <Document>
        <Page>
          <Text>one</Text>
          <Block>
            <Text hyphenationPenalty={5}>two</Text>
            <Text>
              three <Text>nested</Text>
            </Text>
          </Block>
        </Page>
      </Document>,
      { hyphenationPenalty: 10_000 },
    )
    const texts = findAll(tree, 'TEXT')
    expect(texts.map((t) => (t as { props: { hyphenationPenalty?: number } }).props.hyphenationPenalty)).toEqual([
      10_000, 5, 10_000, 10_000,
    ])
    expect(findAll(tree, 'VIEW')).toHaveLength(1)
  })
})
