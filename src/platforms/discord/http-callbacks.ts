import { REST, type RESTOptions, type RequestData, type RouteLike } from 'discord.js';

/** Takes an interaction's first answer (its callback body) and resolves once it is on its way to Discord. */
export type CallbackTaker = (body: unknown) => Promise<void>;

const CALLBACK = /^\/interactions\/(\d+)\/[^/]+\/callback$/;

/**
 * discord.js's REST with one difference: the callback of an interaction that came in over
 * HTTP is not POSTed to Discord but handed to the HTTP request that brought the interaction
 * in — Discord expects the first answer (reply, deferral, modal) as that request's response.
 * Everything after it (editing the deferred reply, follow-ups) goes to the webhook endpoints
 * as usual, so discord.js's interaction objects work unchanged in both transports.
 */
export class CallbackRest extends REST {
  private readonly takers = new Map<string, CallbackTaker>();

  constructor(options: Partial<RESTOptions>) {
    super(options);
  }

  /** The next callback for interaction `id` goes to `take`; the returned function forgets it. */
  expect(id: string, take: CallbackTaker): () => void {
    this.takers.set(id, take);
    return () => {
      if (this.takers.get(id) === take) this.takers.delete(id);
    };
  }

  override async post(route: RouteLike, options: RequestData = {}): Promise<unknown> {
    const id = CALLBACK.exec(route)?.[1];
    const take = id === undefined ? undefined : this.takers.get(id);
    if (!take || id === undefined) return super.post(route, options);
    this.takers.delete(id);
    // Replies carry embeds and components, never files (images go out with channel posts).
    if (options.files?.length) throw new Error('an interaction response over HTTP cannot carry files');
    await take(options.body);
    return undefined; // as Discord's 204 for a callback without `with_response`
  }
}
