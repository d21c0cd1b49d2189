import { ApplicationCommandOptionType, InteractionContextType } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { loadAppConfig } from '../../src/config/load-config.js';
import { readContent } from '../../src/content/load-bank.js';
import { SUBCOMMANDS } from '../../src/core/parse-command.js';
import { quizCommand } from '../../src/platforms/discord/commands.js';

async function command() {
  const [config, content] = await Promise.all([loadAppConfig(), readContent('content')]);
  return { config, categories: content.categories, json: quizCommand(content.categories, config.live) };
}

type Option = {
  name: string;
  type: number;
  min_value?: number;
  max_value?: number;
  choices?: Choice[];
  options?: Option[];
};
type Choice = { name: string; value: string; name_localizations?: Record<string, string> };

describe('the /k8s-quiz command definition', () => {
  test('GIVEN the engine subcommands THEN /k8s-quiz has exactly those, guild-only, with zh-CN descriptions', async () => {
    const { json } = await command();
    expect(json.name).toBe('k8s-quiz');
    expect(json.contexts).toEqual([InteractionContextType.Guild]);
    const subs = (json.options ?? []) as Option[];
    expect(subs.map((s) => s.name).sort()).toEqual([...SUBCOMMANDS].sort());
    expect(subs.every((s) => s.type === ApplicationCommandOptionType.Subcommand)).toBe(true);
    for (const s of subs as (Option & { description_localizations?: Record<string, string> })[]) {
      expect(s.description_localizations?.['zh-CN'], s.name).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test('GIVEN config/default.yaml THEN start takes typed count and seconds within the configured ranges', async () => {
    const { json, config } = await command();
    const start = (json.options as Option[]).find((o) => o.name === 'start');
    const count = start?.options?.find((o) => o.name === 'count');
    const seconds = start?.options?.find((o) => o.name === 'seconds');
    expect(count).toMatchObject({
      type: ApplicationCommandOptionType.Integer,
      min_value: config.live.count.min,
      max_value: config.live.count.max,
    });
    expect(seconds).toMatchObject({
      type: ApplicationCommandOptionType.Integer,
      min_value: config.live.seconds.min,
      max_value: config.live.seconds.max,
    });
  });

  test('GIVEN content/categories.yaml THEN category choices are its ids with zh-CN names as localizations', async () => {
    const { json, categories } = await command();
    const start = (json.options as Option[]).find((o) => o.name === 'start');
    const choices = start?.options?.find((o) => o.name === 'category')?.choices ?? [];
    expect(choices.map((c) => c.value)).toEqual(categories.map((c) => c.id));
    const networking = choices.find((c) => c.value === 'networking');
    expect(networking).toEqual({
      name: 'Networking',
      name_localizations: { 'zh-CN': '网络' },
      value: 'networking',
    });
  });

  test('GIVEN stats THEN its player option is a Discord user, so the bot gets an id, not a typed name; scope offers the team', async () => {
    const { json } = await command();
    const stats = (json.options as Option[]).find((o) => o.name === 'stats');
    expect(stats?.options).toEqual([
      expect.objectContaining({ name: 'player', type: ApplicationCommandOptionType.User }),
      expect.objectContaining({ name: 'scope', type: ApplicationCommandOptionType.String }),
    ]);
    const scope = stats?.options?.find((o) => o.name === 'scope');
    expect(scope?.choices?.map((c) => c.value)).toEqual(['team']);
  });
});
