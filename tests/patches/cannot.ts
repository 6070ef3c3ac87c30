// The error a patch throws when its target moved, as the user reads it (the packages are pinned, so the version
// installed is the one letterpress is made for; Node is made for by its engines range).
import { readFileSync } from 'node:fs'

type Package = { dependencies: Record<string, string>; engines: { node: string } }
const { dependencies, engines } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as Package

/** The message of a patch that cannot patch `dependency` because of `problem`. */
export function cannot(dependency: string, problem: string): string {
  const [installed, madeFor] =
    dependency === 'node' ? [process.versions.node, engines.node] : [dependencies[dependency]!, dependencies[dependency]!]
  return `letterpress: cannot patch ${dependency} ${installed}: ${problem}; this letterpress is made for ${dependency} ${madeFor}`
}
