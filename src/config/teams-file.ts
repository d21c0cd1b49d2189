import { z } from 'zod';
import { PLATFORMS } from '../core/model.js';
import { TeamSettingsSchema } from '../core/settings.js';

/** config/teams.yaml: statically configured teams (optional). */
export const TeamsFileSchema = z.array(
  z.strictObject({
    platform: z.enum(PLATFORMS),
    workspaceId: z.string().min(1),
    channelId: z.string().min(1),
    settings: TeamSettingsSchema.partial().default({}),
  }),
);

export type TeamsFile = z.infer<typeof TeamsFileSchema>;
