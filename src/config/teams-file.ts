import { z } from 'zod';
import { PLATFORMS } from '../core/model.js';
import { TeamSettingsSchema } from '../core/settings.js';
import { bankCategory } from './bank-category.js';

/**
 * config/teams.yaml: statically configured teams (optional). Given the bank's categories
 * (those with questions), a category not among them is refused with the list, as `setup` does.
 */
export function teamsFileSchema(categories?: readonly string[]) {
  const category = bankCategory(categories);
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
