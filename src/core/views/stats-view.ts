import type { Translate } from '../../i18n/catalog.js';
import type { PlayerStats } from '../boards.js';
import type { DeckSummary } from '../deck.js';
import type { View } from '../view.js';
import { percent } from './format.js';

export function statsView(
  playerName: string,
  stats: PlayerStats,
  currentStreak: number,
  categoryName: (id: string) => string,
  t: Translate,
  /** The player's own review deck (shown in their own stats only). */
  deck?: DeckSummary,
): View {
  const categories = stats.categories
    .map((c) =>
      t('stats.categoryLine', {
        category: categoryName(c.category),
        accuracy: percent(c.correct, c.answered),
        correct: c.correct,
        answered: c.answered,
      }),
    )
    .join('\n');
  return {
    visibility: 'private',
    tone: 'info',
    title: t('stats.title', { player: playerName }),
    fields: [
      { name: t('stats.answered'), value: String(stats.answered), inline: true },
      { name: t('stats.accuracy'), value: percent(stats.correct, stats.answered), inline: true },
      { name: t('stats.streak'), value: t('stats.days', { count: currentStreak }), inline: true },
      { name: t('stats.bestStreak'), value: t('stats.days', { count: stats.bestStreak }), inline: true },
      { name: t('stats.week'), value: String(stats.weekPoints), inline: true },
      { name: t('stats.all'), value: String(stats.allPoints), inline: true },
      { name: t('stats.categories'), value: categories || '—' },
      ...(deck ? [{ name: t('stats.deck'), value: deckLine(deck, t) }] : []),
    ],
  };
}

function deckLine(deck: DeckSummary, t: Translate): string {
  if (deck.total === 0) return t('stats.deckEmpty');
  const retention = percent(Math.round(1000 * (deck.retention ?? 0)), 1000);
  return t('stats.deckLine', { due: deck.dueToday, learned: deck.learned, total: deck.total, retention });
}
