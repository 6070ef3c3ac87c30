// Runs ES modules that rollup built as System.register scripts through vm.Script, which (unlike an ES module
// on Node 20) takes V8's cached code: bindings stay live, top-level await, import() and import.meta work as in
// an ES module.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { fileURLToPath } from 'node:url'
import { debuglog } from 'node:util'
import { Script } from 'node:vm'
import type { CodeCache } from './code-cache.js'

type Namespace = Record<string, unknown>
type Exporter = (name: string | Namespace, value?: unknown) => unknown
interface Declaration {
  setters?: (((ns: Namespace) => void) | null)[]
  execute?: () => unknown
}
interface Context {
  id: string
  meta: Namespace
  import: (specifier: string) => Promise<Namespace>
}
type Declare = (exporter: Exporter, context: Context) => Declaration

interface ScriptModule {
  url: string
  name: string
  script: Script
  /** Its compiled code is in the cache already (used from it, or written), or it has no key to keep it under. */
  kept: boolean
  ns: Namespace
  /** Calls the setters of the modules importing this one: their copies of its bindings follow its exports. */
  importers: (() => void)[]
  /** Absolute URLs of the scripts it imports; other modules (Node's, packages) by specifier. */
  deps: string[]
  declaration: Declaration
  linked?: Promise<void>
  evaluation?: Promise<void>
}

/** What the scripts get from their host. */
export interface ScriptHost {
  /** Content hash of each script, by file name, written by the build: a script without one is not cached. */
  hashes: Record<string, string>
  cache: CodeCache
  /** Import a module that is not one of the scripts (Node's built-ins, packages in node_modules). */
  importExternal: (specifier: string) => Promise<Namespace>
  /** The scripts' import.meta.resolve. */
  resolve: (specifier: string) => string
}

const debug = debuglog('letterpress')
const isScript = (specifier: string) => specifier.startsWith('./') || specifier.startsWith('../')

/**
 * Run the script module at `entry` with what it imports. Its modules (and those they load later) get
 * `import.meta.saveCodeCache()`, which keeps the code compiled so far of every script not yet in the cache.
 */
export async function runScriptModules(entry: URL, host: ScriptHost): Promise<void> {
  const modules = new Map<string, ScriptModule>()
  const externals = new Map<string, Promise<Namespace>>()
  const external = (specifier: string) => {
    let ns = externals.get(specifier)
    if (!ns) externals.set(specifier, (ns = host.importExternal(specifier)))
    return ns
  }

  const saveCodeCache = () => {
    for (const module of modules.values()) {
      if (module.kept) continue
      module.kept = true
      const written = host.cache.write(module.name, host.hashes[module.name]!, () => module.script.createCachedData())
      debug(`code cache: ${written ? 'written' : 'not writable'} ${module.name}`)
    }
  }

  /** Compile a script (with its cached code when a matching entry exists), declare it and the scripts it imports. */
  const instantiate = (url: string): ScriptModule => {
    const known = modules.get(url)
    if (known) return known
    const name = basename(fileURLToPath(url))
    const hash = host.hashes[name]
    const cachedData = hash ? host.cache.read(name, hash) : undefined
    // The build wraps each script in a function of `System`, so its text is compiled as read, without a copy.
    const script = new Script(readFileSync(new URL(url), 'utf8'), { filename: fileURLToPath(url), cachedData })
    if (cachedData) debug(`code cache: ${script.cachedDataRejected ? 'rejected' : 'used'} ${name}`)
    let registered: unknown[] = []
    script.runInThisContext()({ register: (...args: unknown[]) => (registered = args.filter((arg) => typeof arg !== 'string')) })
    const [deps, declare] = registered as [string[], Declare]
    const module: ScriptModule = {
      url,
      name,
      script,
      kept: !hash || (cachedData !== undefined && !script.cachedDataRejected),
      ns: Object.create(null),
      importers: [],
      deps: [],
      declaration: {},
    }
    modules.set(url, module)
    const exporter: Exporter = (key, value) => {
      if (typeof key === 'string') module.ns[key] = value
      else Object.assign(module.ns, key)
      for (const update of module.importers) update()
      return value
    }
    const importer = (specifier: string) =>
      isScript(specifier) ? load(new URL(specifier, url).href).then((loaded) => loaded.ns) : external(specifier)
    module.declaration = declare(exporter, { id: url, meta: { url, resolve: host.resolve, saveCodeCache }, import: importer })
    module.deps = deps.map((dep) => (isScript(dep) ? instantiate(new URL(dep, url).href).url : dep))
    return module
  }

  /** Hand each module of `fresh` its imports' bindings, once the other modules it imports have loaded. */
  const link = async (fresh: ScriptModule[]) => {
    // Node's and the packages' modules load in parallel.
    await Promise.all(fresh.flatMap((module) => module.deps.filter((dep) => !modules.has(dep)).map(external)))
    for (const module of fresh) {
      for (const [i, dep] of module.deps.entries()) {
        const setter = module.declaration.setters?.[i]
        if (!setter) continue
        const script = modules.get(dep)
        if (!script) setter(await external(dep))
        else {
          const update = () => setter(script.ns)
          script.importers.push(update)
          update()
        }
      }
    }
  }

  /** Run a module's body after those of the modules it imports (a cycle's first module runs last). */
  const evaluate = (module: ScriptModule, visiting: Set<ScriptModule>): Promise<void> => {
    if (module.evaluation) return module.evaluation
    visiting.add(module)
    module.evaluation = (async () => {
      for (const dep of module.deps) {
        const script = modules.get(dep)
        if (script && !visiting.has(script)) await evaluate(script, visiting)
      }
      await module.declaration.execute?.()
    })()
    return module.evaluation
  }

  /** Instantiate, link and run a script and what it imports; its module once it has run. */
  const load = async (url: string): Promise<ScriptModule> => {
    const root = instantiate(url)
    const reached = new Set<ScriptModule>()
    const walk = (module: ScriptModule) => {
      if (reached.has(module)) return
      reached.add(module)
      for (const dep of module.deps) if (modules.has(dep)) walk(modules.get(dep)!)
    }
    walk(root)
    const fresh = [...reached].filter((module) => !module.linked)
    const linked = link(fresh)
    for (const module of fresh) module.linked = linked
    await Promise.all([...reached].map((module) => module.linked))
    await evaluate(root, new Set())
    return root
  }

  await load(entry.href)
}
