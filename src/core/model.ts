import type { TeamSettings } from './settings.js';

export const PLATFORMS = ['console', 'discord', 'slack'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Where a team lives: one channel on one platform. */
export interface TeamAddress {
  platform: Platform;
  /** Discord guild id, Slack workspace (team) id, or `local` for the playground. */
  workspaceId: string;
  channelId: string;
}

export const teamIdOf = (a: TeamAddress): string => `${a.platform}:${a.workspaceId}:${a.channelId}`;

export interface Team {
  id: string;
  address: TeamAddress;
  settings: TeamSettings;
  /** Why the bot stopped posting here by itself (lost permission, deleted channel); shown to admins. */
  fault?: string;
}

export interface Player {
  id: string;
  /** Display name as the platform gave it; never trusted as markup. */
  name: string;
}

/** The player acting on a command, with what the platform says about their rights. */
export interface Actor extends Player {
  isAdmin: boolean;
}
