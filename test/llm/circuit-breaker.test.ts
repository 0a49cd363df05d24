import { describe, expect, it } from 'vitest';
import { createCircuitBreaker } from '../../src/llm/circuit-breaker.js';

describe('createCircuitBreaker', () => {
  it('opens after N failures, refuses during the cooldown, lets one trial through after it, closes on success', async () => {
    let now = 0;
    const breaker = createCircuitBreaker({ failureThreshold: 2, cooldownMs: 1000, now: () => now });
    let calls = 0;
    const fail = () => { calls++; return Promise.reject(new Error('down')); };
    const succeed = () => { calls++; return Promise.resolve('ok'); };
    expect(await breaker.run(fail)).toBeNull();
    expect(breaker.state).toBe('closed');
    expect(await breaker.run(fail)).toBeNull();
    expect(breaker.state).toBe('open');
    expect(await breaker.run(succeed)).toBeNull();
    expect(calls).toBe(2);
    now = 1000;
    expect(breaker.state).toBe('half-open');
    expect(await breaker.run(fail)).toBeNull();
    expect(breaker.state).toBe('open');
    now = 2000;
    expect(await breaker.run(succeed)).toBe('ok');
    expect(breaker.state).toBe('closed');
    expect(calls).toBe(4);
  });
});
