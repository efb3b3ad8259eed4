import dns from 'node:dns';
import net from 'node:net';
import { describe, expect, it } from 'vitest';

describe('the unit-test network guard', () => {
  it('refuses an outbound connection to a public address', () => {
    expect(() => net.connect({ host: '192.0.2.1', port: 443 })).toThrow(/Network access is forbidden/);
  });

  it('refuses a DNS lookup of a public name', () => {
    expect(() => dns.lookup('example.org', () => undefined)).toThrow(/Network access is forbidden/);
  });

  it('lets a loopback server and client talk', async () => {
    const server = net.createServer((socket) => socket.end('hello'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const reply = await new Promise<string>((resolve, reject) => {
      const client = net.connect({ host: '127.0.0.1', port });
      let data = '';
      client.on('data', (chunk) => (data += String(chunk)));
      client.on('end', () => resolve(data));
      client.on('error', reject);
    });
    server.close();
    expect(reply).toBe('hello');
  });
});
