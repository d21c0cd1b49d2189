import { z } from 'zod';
import { StableId } from '../content/schema.js';
import { PLATFORMS } from '../core/model.js';
import { TeamSettingsSchema } from '../core/settings.js';

/**
 * config/teams.yaml: statically configured teams (optional). Given the bank's categories
 * (those with questions), a category not among them is refused with the list, as `setup` does.
 */
export function teamsFileSchema(categories?: readonly string[]) {
  const category = categories
    ? StableId.refine((id) => categories.includes(id), {
        error: (issue) => `unknown category "${String(issue.input)}"; choose from: ${categories.join(', ')}`,
      })
    : StableId;
  return z.array(
    z.strictObject({
      platform: z.enum(PLATFORMS),
      workspaceId: z.string().min(1),
      channelId: z.string().min(1),
      settings: TeamSettingsSchema.extend({ categories: z.array(category) })
        .partial()
        .default({}),
    }),
  );
}

export const TeamsFileSchema = teamsFileSchema();
export type TeamsFile = z.infer<typeof TeamsFileSchema>;
