import { LetterError } from '../parse/errors.js'
import type { Place } from '../parse/message.js'

/** The error that fails a letter for one of its attachments: names the file as shown and points at its entry. */
export function attachmentError(attachment: { name: string } & Place, problem: string, file: string): LetterError {
  return new LetterError(`attachment "${attachment.name}" ${problem}`, attachment.line, attachment.column, file)
}
