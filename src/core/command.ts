import type { MessageKey } from '../i18n/catalog.js';
import type { ReviewGrade } from './deck.js';
import type { Actor, TeamAddress } from './model.js';
import type { ReportReason } from './reports.js';
import type { SettingsChange } from './settings.js';
import type { View } from './view.js';

export type LeaderboardScope = 'week' | 'all' | 'teams';

/** A player named in a command: a platform id when the platform resolved a mention, else a name. */
export interface PlayerMention {
  id?: string;
  name: string;
}

/** A platform-neutral request, parsed at the platform edge. */
export type Command =
  | { name: 'help' }
  | { name: 'start'; count: number; seconds: number; category?: string }
  | { name: 'stop' }
  | { name: 'daily' }
  | { name: 'leaderboard'; scope: LeaderboardScope }
  | { name: 'stats'; player?: PlayerMention }
  /** The team's topic mastery (`/k8s-quiz stats team`). */
  | { name: 'teamStats' }
  | {
      name: 'setup';
      changes: SettingsChange;
      /** Categories as typed (ids, names or aliases; empty: all), checked against the bank by the handler. */
      categories?: string[];
      /** Every value the edge refused; the handler adds unknown categories and answers with all of them. */
      problems?: UsageProblem[];
    }
  | { name: 'pause' }
  | { name: 'resume' }
  | { name: 'answer'; roundId: string; choice: number }
  | { name: 'reference'; questionId: string }
  /** Opens the report form of a quiz item (the reveal's report button). */
  | { name: 'report'; quizId: string }
  /** A player's filled-in report form. */
  | { name: 'submitReport'; quizId: string; reason: ReportReason; text?: string }
  /** Searches the reference answers (`/k8s-quiz ask <words>`). */
  | { name: 'ask'; words: string }
  /** Shows the player's next due review item privately (`/k8s-quiz review`). */
  | { name: 'review' }
  /** An answer button of a review item. */
  | { name: 'reviewAnswer'; quizId: string; choice: number }
  /** A grade button after a review answer; `seq` names the answer it grades. */
  | { name: 'reviewGrade'; quizId: string; grade: ReviewGrade; seq: number }
  /** `/k8s-quiz review remind on|off`: the daily private reminder of due items. */
  | { name: 'reviewRemind'; on: boolean }
  /** Input the edge could not parse; the engine answers with the translated usage. */
  | { name: 'invalid'; problem: UsageProblem };

export type CommandName = Exclude<Command['name'], 'invalid'>;

/** Why an argument was refused, as a message key translated at the edge, with the valid values. */
export interface UsageProblem {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export interface Request {
  team: TeamAddress;
  actor: Actor;
  command: Command;
}

/** What adapters hand every parsed command or button press to (the engine). */
export interface RequestHandler {
  /** Returns the response: `private` views are ephemeral to the actor, `channel` views are public replies. */
  handle(request: Request): Promise<View[]>;
}
