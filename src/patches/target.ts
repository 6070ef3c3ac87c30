// A patch of a dependency is written for that dependency's internals at one version. Before it changes anything
// it checks that its target is still what it was written for, and otherwise fails with an error that names the
// dependency, the version installed and the version this letterpress is made for.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const requireHere = createRequire(import.meta.url)

/** A dependency's internals are not those a patch of letterpress was written for. */
export class PatchTargetError extends Error {}

/** The version of a dependency as installed beside letterpress ('node' for Node itself), from its package.json. */
export function installedVersion(dependency: string): string {
  if (dependency === 'node') return process.versions.node
  try {
    // A package need not export its package.json: walk up from its entry to the folder that has it.
    let dir = dirname(requireHere.resolve(dependency))
    for (;;) {
      const file = join(dir, 'package.json')
      if (existsSync(file)) {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string }
        if (pkg.name === dependency) return pkg.version ?? 'unknown'
      }
      const up = dirname(dir)
      if (up === dir) return 'unknown'
      dir = up
    }
  } catch {
    return 'unknown'
  }
}

/** The version of a dependency this letterpress is made for: the one its package.json pins (for Node, its engines range). */
export function madeForVersion(dependency: string): string {
  try {
    const pkg = requireHere('../../package.json') as { dependencies?: Record<string, string>; engines?: Record<string, string> }
    return (dependency === 'node' ? pkg.engines?.node : pkg.dependencies?.[dependency]) ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

/** Fail a patch whose target moved: `problem` says what is not as the patch was written for. */
export function cannotPatch(dependency: string, problem: string): never {
  throw new PatchTargetError(
    `letterpress: cannot patch ${dependency} ${installedVersion(dependency)}: ${problem}; this letterpress is made for ${dependency} ${madeForVersion(dependency)}`,
  )
}

/** Fail the patch unless `ok`: the check of one fact about its target. */
export function expectTarget(dependency: string, ok: unknown, problem: string): asserts ok {
  if (!ok) cannotPatch(dependency, problem)
}

/** What a patched function must look like: the parameters it declares, and text its source contains. */
export interface FunctionShape {
  length?: number
  contains?: (string | RegExp)[]
}

// The markers name properties and strings, never local names, which a bundler may rename.
/** `owner[name]` (shown as `where.name`), checked to be a function of the shape the patch was written for. */
export function targetMethod<F>(dependency: string, owner: unknown, where: string, name: string, shape: FunctionShape = {}): F {
  const method = owner == null ? undefined : (owner as Record<string, unknown>)[name]
  const what = `${where}.${name}`
  expectTarget(dependency, method !== undefined, `${what} is missing`)
  expectTarget(dependency, typeof method === 'function', `${what} is not a function`)
  if (shape.length !== undefined)
    expectTarget(dependency, method.length === shape.length, `${what} declares ${method.length} parameters, not ${shape.length}`)
  const source = Function.prototype.toString.call(method)
  for (const marker of shape.contains ?? []) {
    const found = typeof marker === 'string' ? source.includes(marker) : marker.test(source)
    expectTarget(
      dependency,
      found,
      `${what} is not the one this patch was written for (its source lacks ${String(typeof marker === 'string' ? JSON.stringify(marker) : marker)})`,
    )
  }
  return method as F
}

/** The object in `start`'s prototype chain (itself included) that owns `name`, as a class's methods are reached through an instance. */
export function ownerOf(start: object | null | undefined, name: string): object | undefined {
  let owner: object | null | undefined = start
  while (owner && !Object.hasOwn(owner, name)) owner = Object.getPrototypeOf(owner) as object | null
  return owner ?? undefined
}
