import { connect } from 'node:net';

/**
 * Send an inline `PING` to a Redis server and wait for `+PONG`. Raw socket, so a server that is not up yet
 * costs one refused connection, not an ioredis client's reconnect loop.
 * @returns true on `+PONG` within `timeoutMs`, false otherwise
 */
export function pingOnce(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
    socket.on('error', () => done(false));
  });
}
