import { enclosureName } from '../parse/meta.js'
import type { LetterMessage } from '../types.js'
import { attachJob } from './job.js'
import type { LetterAttachment } from './letter-attachments.js'
import { openAttachment } from './open.js'

/** How the attachments are listed under Enclosures: by their own titles where they name something (a PDF's Title, a Markdown part's), else by file name. */
export async function enclosureNames(attachments: LetterAttachment[], file: string, warnings: LetterMessage[]): Promise<string[]> {
  const job = attachments.some((attachment) => !attachment.part) ? await attachJob(file, warnings) : undefined
  const names: string[] = []
  for (const attachment of attachments)
    names.push(
      attachment.part ? attachment.part.title : enclosureName(attachment.name, (await openAttachment(job!, attachment)).getTitle()),
    )
  return names
}
