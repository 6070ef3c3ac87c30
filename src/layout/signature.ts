import { resolveImage } from '../map/image-source.js'
import { message, type Place } from '../parse/message.js'
import type { LetterMessage } from '../types.js'

/**
 * The signature image's checked bytes, read by the rule for every image a letter names; one that cannot be
 * used is left out with a warning at `place` (the signature field, when the letter itself names it).
 */
export function readSignature(
  url: string | undefined,
  baseDir: string,
  allowPaths: string[],
  place: Place,
  warnings: LetterMessage[],
): Buffer | undefined {
  if (!url) return undefined
  const source = resolveImage(url, baseDir, allowPaths)
  if ('data' in source) return source.data
  warnings.push(message(`signature: ${source.problem}; rendered without it`, 'letterpress:meta', place))
  return undefined
}
