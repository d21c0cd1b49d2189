import type { QuestionBank } from '../../content/bank.js';
import type { Translate } from '../../i18n/catalog.js';
import type { UsageProblem } from '../command.js';
import { SETUP_KEYS } from '../parse-setup.js';
import type { TeamSettings } from '../settings.js';
import type { View } from '../view.js';
import { categoryName } from './format.js';

/**
 * A close time at or before the daily time means the question stays open overnight and is
 * revealed the next day (e.g. posted 18:00, revealed 09:00) — said wherever the times are shown.
 */
export const closesNextDay = (settings: Pick<TeamSettings, 'dailyTime' | 'closeTime'>): boolean =>
  settings.closeTime <= settings.dailyTime;

export function settingsSummary(settings: TeamSettings, bank: QuestionBank, t: Translate): string {
  const categories = settings.categories.length
    ? settings.categories.map((c) => categoryName(bank, c, settings.locale)).join(', ')
    : t('setup.allCategories');
  return t('setup.summary', {
    locale: settings.locale,
    timezone: settings.timezone,
    dailyTime: settings.dailyTime,
    closeTime: closesNextDay(settings) ? t('time.nextDay', { time: settings.closeTime }) : settings.closeTime,
    weeklyDay: t(`weekday.${settings.weeklyDay}`),
    weeklyTime: settings.weeklyTime,
    categories,
  });
}

export function setupDoneView(settings: TeamSettings, bank: QuestionBank, t: Translate): View {
  const notes = settings.locale === 'en' ? `\n\n${t('setup.bankLanguage')}` : '';
  return {
    visibility: 'channel',
    tone: 'success',
    body: `${t('setup.done')}\n\n${settingsSummary(settings, bank, t)}${notes}`,
  };
}

/** Every problem of a refused `setup`, each on its own line. */
export function problemsView(problems: UsageProblem[], t: Translate): View {
  const lines = problems.map((p) => t(p.key, p.params));
  const body =
    lines.length === 1 ? (lines[0] ?? '') : [t('setup.unchanged'), ...lines.map((l) => `- ${l}`)].join('\n');
  return { visibility: 'private', tone: 'warning', body };
}

export function helpView(settings: TeamSettings, bank: QuestionBank, t: Translate): View {
  const categories = bank.categories.map((c) => `\`${c.id}\` ${c.name[settings.locale]}`).join(', ');
  return {
    visibility: 'private',
    tone: 'info',
    title: t('help.title'),
    body: t('help.body', {
      dailyTime: settings.dailyTime,
      closeTime: closesNextDay(settings)
        ? t('time.nextDay', { time: settings.closeTime })
        : settings.closeTime,
      timezone: settings.timezone,
      setupKeys: SETUP_KEYS.join(', '),
      categories,
    }),
  };
}
