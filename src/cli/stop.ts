// Ctrl-C (or a CI's SIGTERM) asks a run to stop: a batch stops after the letter in hand, a watch or a preview
// closes. Every write is a whole file renamed into place, so a stop leaves nothing half-written behind.

/** A stop asked for by a signal: which one (null until then), a promise that settles on it, and `release` to stop listening. */
export interface Stop {
  readonly signal: NodeJS.Signals | null
  readonly stopping: Promise<void>
  release(): void
}

/** Listen for SIGINT and SIGTERM (once each) until released. */
export function listenForStop(): Stop {
  let signal: NodeJS.Signals | null = null
  let settle = () => {}
  const stopping = new Promise<void>((resolve) => (settle = resolve))
  const stop = (received: NodeJS.Signals) => {
    signal = received
    settle()
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return {
    get signal() {
      return signal
    },
    stopping,
    release() {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
    },
  }
}
