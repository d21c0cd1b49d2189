import type { QuestionBank } from '../../content/bank.js';
import type { Translate } from '../../i18n/catalog.js';
import { SETUP_KEYS } from '../parse-command.js';
import type { TeamSettings } from '../settings.js';
import type { View } from '../view.js';
import { categoryName } from './format.js';

export function settingsSummary(settings: TeamSettings, bank: QuestionBank, t: Translate): string {
  const categories = settings.categories.length
    ? settings.categories.map((c) => categoryName(bank, c, settings.locale)).join(', ')
    : t('setup.allCategories');
  return t('setup.summary', {
    locale: settings.locale,
    timezone: settings.timezone,
    dailyTime: settings.dailyTime,
    closeTime: settings.closeTime,
    weeklyDay: t(`weekday.${settings.weeklyDay}`),
    weeklyTime: settings.weeklyTime,
    categories,
  });
}

export function setupDoneView(settings: TeamSettings, bank: QuestionBank, t: Translate): View {
  return {
    visibility: 'channel',
    tone: 'success',
    body: `${t('setup.done')}\n\n${settingsSummary(settings, bank, t)}`,
  };
}

export function helpView(settings: TeamSettings, bank: QuestionBank, t: Translate): View {
  const categories = bank.categories.map((c) => `\`${c.id}\` ${c.name[settings.locale]}`).join(', ');
  return {
    visibility: 'private',
    tone: 'info',
    title: t('help.title'),
    body: t('help.body', {
      dailyTime: settings.dailyTime,
      closeTime: settings.closeTime,
      setupKeys: SETUP_KEYS.join(', '),
      categories,
    }),
  };
}
