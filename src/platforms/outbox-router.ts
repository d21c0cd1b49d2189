import type { Platform, Team } from '../core/model.js';
import { DeliveryError, type Outbox, type PostReceipt, type PostStep } from '../core/ports.js';
import type { View } from '../core/view.js';

/** Sends each team's posts through the adapter of its platform. */
export class OutboxRouter implements Outbox {
  private readonly outboxes = new Map<Platform, Outbox>();

  register(platform: Platform, outbox: Outbox): void {
    this.outboxes.set(platform, outbox);
  }

  post(team: Team, view: View, step: PostStep): Promise<PostReceipt> {
    return this.for(team).post(team, view, step);
  }

  update(team: Team, messageRef: string, view: View): Promise<void> {
    return this.for(team).update(team, messageRef, view);
  }

  postPrivately(team: Team, playerId: string, view: View, step: PostStep): Promise<PostReceipt> {
    const outbox = this.for(team);
    if (!outbox.postPrivately)
      throw new DeliveryError('permanent', `${team.address.platform} cannot message one player`);
    return outbox.postPrivately(team, playerId, view, step);
  }

  private for(team: Team): Outbox {
    const outbox = this.outboxes.get(team.address.platform);
    // Not a DeliveryError: the job fails and is retried once the platform is back.
    if (!outbox) throw new Error(`no ${team.address.platform} connection is running for team ${team.id}`);
    return outbox;
  }
}
