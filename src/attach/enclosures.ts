import { enclosureName } from '../parse/meta.js'
import type { LetterMessage } from '../types.js'
import { attachJob } from './job.js'
import { openAttachment } from './open.js'
import type { Attachment } from './read.js'

/** How the attachments are listed under Enclosures: by their own Titles where they name something, else by file name. */
export async function enclosureNames(attachments: Attachment[], file: string, warnings: LetterMessage[]): Promise<string[]> {
  const job = await attachJob(file, warnings)
  const names: string[] = []
  for (const attachment of attachments) names.push(enclosureName(attachment.name, (await openAttachment(job, attachment)).getTitle()))
  return names
}
