/**
 * The floor for a Discord press over HTTP interactions: the smallest handler doing the same
 * work per button press — read the body, verify the Ed25519 signature with Node's own
 * crypto.verify, answer PING, record the answer with one HSETNX, reply with the interaction
 * response (an ephemeral message) as the HTTP answer. Nothing else: no discord.js, no engine,
 * no bank, no jobs, no metrics, no logs. Run with plain node (bench/support/plain-node.ts
 * compiles it), with REDIS_URL, PORT, DISCORD_PUBLIC_KEY. Prints `ready` once it listens.
 */
import { createPublicKey, verify } from 'node:crypto';
import { createServer } from 'node:http';
import { Redis } from 'ioredis';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`bare-discord: ${name} is required`);
  return value;
};

const redis = new Redis(env('REDIS_URL'));
const prefix = process.env.REDIS_PREFIX ?? 'bare:';
const key = createPublicKey({
  key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(env('DISCORD_PUBLIC_KEY'), 'hex').toString('base64url') },
  format: 'jwk',
});

interface Press {
  type: number;
  data?: { custom_id?: string };
  member?: { user?: { id?: string } };
}

const server = createServer(async (req, res) => {
  if (req.method !== 'POST') return void res.writeHead(404).end();
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const signature = String(req.headers['x-signature-ed25519'] ?? '');
  const timestamp = String(req.headers['x-signature-timestamp'] ?? '');
  const signed = Buffer.concat([Buffer.from(timestamp), raw]);
  if (!verify(null, signed, key, Buffer.from(signature, 'hex'))) return void res.writeHead(401).end();
  const press = JSON.parse(raw.toString('utf8')) as Press;
  const reply = (body: unknown) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  if (press.type === 1) return reply({ type: 1 });
  const [, , round = '', choice = ''] = (press.data?.custom_id ?? '').split(':');
  const first = await redis.hsetnx(`${prefix}answers:${round}`, press.member?.user?.id ?? '', choice);
  reply({
    type: 4,
    data: { content: first ? 'Your answer is recorded.' : 'You have already answered.', flags: 64 },
  });
});

server.listen(Number(env('PORT')), () => process.stdout.write('ready\n'));
process.once('SIGTERM', () => {
  server.close();
  void redis.quit().then(() => process.exit(0));
});
