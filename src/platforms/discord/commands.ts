import {
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
  type SlashCommandSubcommandBuilder,
} from 'discord.js';
import type { Category } from '../../content/types.js';
import { ASK_MAX_CHARS, type RoundLimits } from '../../core/parse-command.js';
import { COMMAND_NAME, COMMAND_TEXT, LOCALE_CHOICES, type Localized } from './strings.js';

type TextKey = keyof typeof COMMAND_TEXT;

/** Discord shows `description` to every client language except the ones in the localization map. */
const described = <T extends { setDescription(d: string): T; setDescriptionLocalizations(m: object): T }>(
  builder: T,
  key: TextKey,
): T =>
  builder
    .setDescription(COMMAND_TEXT[key].en)
    .setDescriptionLocalizations({ 'zh-CN': COMMAND_TEXT[key]['zh-CN'] });

const choice = (value: string, name: Localized) => ({
  name: name.en,
  name_localizations: { 'zh-CN': name['zh-CN'] },
  value,
});

/**
 * `/k8s-quiz` with one subcommand per engine command and typed options, so Discord validates
 * ranges and choices before we see them (the engine checks them again).
 *
 * Discord keeps `default_member_permissions` per top-level command, not per subcommand, so the
 * admin subcommands cannot be hidden from players inside one `/k8s-quiz`; the adapter sends
 * the member's Manage Server permission as `isAdmin` and the engine refuses non-admins.
 */
export function quizCommand(
  categories: Category[],
  limits: RoundLimits,
): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const sub =
    (
      name: TextKey & string,
      build: (s: SlashCommandSubcommandBuilder) => SlashCommandSubcommandBuilder = (s) => s,
    ) =>
    (s: SlashCommandSubcommandBuilder) =>
      build(described(s.setName(name), name));

  return described(new SlashCommandBuilder().setName(COMMAND_NAME), 'command')
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .addSubcommand(sub('help'))
    .addSubcommand(
      sub('start', (s) =>
        s
          .addIntegerOption((o) =>
            described(o.setName('count'), 'start.count')
              .setMinValue(limits.count.min)
              .setMaxValue(limits.count.max),
          )
          .addStringOption((o) =>
            described(o.setName('category'), 'start.category').addChoices(
              ...categories.map((c) => choice(c.id, c.name)),
            ),
          )
          .addIntegerOption((o) =>
            described(o.setName('seconds'), 'start.seconds')
              .setMinValue(limits.seconds.min)
              .setMaxValue(limits.seconds.max),
          ),
      ),
    )
    .addSubcommand(sub('stop'))
    .addSubcommand(sub('daily'))
    .addSubcommand(
      sub('leaderboard', (s) =>
        s.addStringOption((o) =>
          described(o.setName('scope'), 'leaderboard.scope').addChoices(
            choice('week', COMMAND_TEXT['scope.week']),
            choice('all', COMMAND_TEXT['scope.all']),
            choice('teams', COMMAND_TEXT['scope.teams']),
          ),
        ),
      ),
    )
    .addSubcommand(
      sub('ask', (s) =>
        s.addStringOption((o) =>
          described(o.setName('words'), 'ask.words').setRequired(true).setMaxLength(ASK_MAX_CHARS),
        ),
      ),
    )
    .addSubcommand(
      sub('review', (s) =>
        s.addStringOption((o) =>
          described(o.setName('remind'), 'review.remind').addChoices(
            choice('on', COMMAND_TEXT['remind.on']),
            choice('off', COMMAND_TEXT['remind.off']),
          ),
        ),
      ),
    )
    .addSubcommand(
      sub('stats', (s) =>
        s
          .addUserOption((o) => described(o.setName('player'), 'stats.player'))
          .addStringOption((o) =>
            described(o.setName('scope'), 'stats.scope').addChoices(
              choice('team', COMMAND_TEXT['scope.team']),
            ),
          ),
      ),
    )
    .addSubcommand(
      sub('setup', (s) =>
        s
          .addStringOption((o) =>
            described(o.setName('locale'), 'setup.locale').addChoices(
              choice('zh-CN', LOCALE_CHOICES['zh-CN']),
              choice('en', LOCALE_CHOICES.en),
            ),
          )
          .addStringOption((o) => described(o.setName('timezone'), 'setup.timezone').setMaxLength(64))
          .addStringOption((o) => described(o.setName('daily'), 'setup.daily').setMaxLength(5))
          .addStringOption((o) => described(o.setName('close'), 'setup.close').setMaxLength(5))
          .addStringOption((o) => described(o.setName('weekly'), 'setup.weekly').setMaxLength(20))
          .addStringOption((o) => described(o.setName('categories'), 'setup.categories').setMaxLength(400)),
      ),
    )
    .addSubcommand(sub('pause'))
    .addSubcommand(sub('resume'))
    .toJSON();
}
