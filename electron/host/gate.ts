/**
 * A counting semaphore: at most `slots` holders at once, the rest wait in arrival order.
 * The host passes every large request (a file import) through one, so sixteen 50 MB uploads
 * at once are read and decoded two at a time while the others wait unread in their sockets
 * (hardening issue, item 1), and small calls never wait behind them.
 */
export class Gate {
  private busy = 0
  private readonly waiting: (() => void)[] = []

  constructor(private readonly slots: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.busy >= this.slots) await new Promise<void>((resolve) => this.waiting.push(resolve))
    else this.busy++
    try {
      return await work()
    } finally {
      const next = this.waiting.shift()
      // The slot passes straight to the next waiter, or is freed.
      if (next) next()
      else this.busy--
    }
  }
}
