/** Settings of {@link createCircuitBreaker}. */
export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit refuses calls before one trial call is let through, in ms. */
  cooldownMs: number;
  now?: () => number;
}

/** Stops calling a failing dependency for a while (closed → open after N failures → half-open after the cooldown). */
export interface CircuitBreaker {
  /** Runs `call` when the circuit allows it; resolves to null (without calling) while open or when `call` fails. */
  run<T>(call: () => Promise<T>): Promise<T | null>;
  readonly state: 'closed' | 'open' | 'half-open';
}

/** A circuit breaker (Nygard, "Release It!"): failures are swallowed and counted; callers fall back on null. */
export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const now = options.now ?? Date.now;
  let failures = 0;
  let openedAt: number | null = null;
  const state = (): CircuitBreaker['state'] => {
    if (openedAt === null) return 'closed';
    return now() - openedAt >= options.cooldownMs ? 'half-open' : 'open';
  };
  return {
    get state() {
      return state();
    },
    async run(call) {
      if (state() === 'open') return null;
      try {
        const result = await call();
        failures = 0;
        openedAt = null;
        return result;
      } catch {
        failures += 1;
        if (failures >= options.failureThreshold || openedAt !== null) openedAt = now();
        return null;
      }
    },
  };
}
