import type { Locale } from '../../content/schema.js';

/**
 * Discord-only text: the slash command's descriptions and choice names (shown by Discord's
 * command picker in the user's client language) and the few replies the adapter gives itself.
 * Engine messages live in src/i18n.
 */
export interface Localized {
  en: string;
  'zh-CN': string;
}

export const COMMAND_NAME = 'k8s-quiz';

export const COMMAND_TEXT = {
  command: {
    en: 'Kubernetes interview quiz: daily question, live rounds, leaderboards',
    'zh-CN': 'Kubernetes 面试题测验：每日一题、实时问答、排行榜',
  },
  help: { en: 'How to play, with the commands and categories', 'zh-CN': '玩法说明、命令和分类' },
  start: { en: 'Start a live round in this channel', 'zh-CN': '在本频道开始一轮实时问答' },
  'start.count': { en: 'How many questions', 'zh-CN': '题目数量' },
  'start.category': { en: 'Only questions from this category', 'zh-CN': '只出这个分类的题' },
  'start.seconds': { en: 'Seconds to answer each question', 'zh-CN': '每题的答题秒数' },
  stop: {
    en: 'End the running live round (its starter or an admin)',
    'zh-CN': '结束当前的实时问答（发起人或管理员）',
  },
  daily: { en: "Show today's question again", 'zh-CN': '再看一遍今天的题目' },
  leaderboard: { en: 'Leaderboards', 'zh-CN': '排行榜' },
  'leaderboard.scope': { en: 'Which board', 'zh-CN': '哪个排行榜' },
  'scope.week': { en: 'This week', 'zh-CN': '本周' },
  'scope.all': { en: 'All time', 'zh-CN': '总榜' },
  'scope.teams': { en: 'Teams of this server', 'zh-CN': '本服务器的团队' },
  stats: { en: 'Personal stats, or the team’s topic mastery', 'zh-CN': '个人统计，或团队的分类掌握度' },
  ask: { en: 'Look up reference answers by keyword', 'zh-CN': '按关键词查参考答案' },
  'ask.words': { en: 'Words to search, e.g. QoS or 探针', 'zh-CN': '关键词，例如 QoS 或 探针' },
  review: {
    en: 'Review the questions you missed (spaced repetition, only you see it)',
    'zh-CN': '复习答错的题（间隔重复，仅自己可见）',
  },
  'review.remind': {
    en: 'Daily private reminder when items are due (default: off)',
    'zh-CN': '有待复习的题目时每日私信提醒（默认关闭）',
  },
  'remind.on': { en: 'On', 'zh-CN': '开启' },
  'remind.off': { en: 'Off', 'zh-CN': '关闭' },
  'stats.player': { en: 'Whose stats (default: yours)', 'zh-CN': '查看谁的统计（默认是你自己）' },
  'stats.scope': {
    en: "team: this channel's strongest and weakest categories",
    'zh-CN': 'team：本频道团队最强和最弱的分类',
  },
  'scope.team': { en: 'This team (last 4 weeks)', 'zh-CN': '本团队（近 4 周）' },
  setup: {
    en: 'Enable k8s-quiz in this channel or change its settings (admins)',
    'zh-CN': '在本频道启用 k8s-quiz 或修改设置（管理员）',
  },
  'setup.locale': { en: 'Language of the bot in this channel', 'zh-CN': '机器人在本频道使用的语言' },
  'setup.timezone': { en: 'IANA time zone, e.g. Asia/Shanghai', 'zh-CN': 'IANA 时区，例如 Asia/Shanghai' },
  'setup.daily': {
    en: 'Local time of the daily question, e.g. 09:30',
    'zh-CN': '每日一题的发布时间，例如 09:30',
  },
  'setup.close': {
    en: 'Local time of the daily reveal, e.g. 18:00',
    'zh-CN': '每日一题的揭晓时间，例如 18:00',
  },
  'setup.weekly': {
    en: 'Weekly announcement, e.g. monday@10:00',
    'zh-CN': '每周公告时间，例如 monday@10:00',
  },
  'setup.categories': { en: 'Comma-separated category ids, or all', 'zh-CN': '以逗号分隔的分类 id，或 all' },
  pause: { en: 'Pause the daily question here (admins)', 'zh-CN': '暂停本频道的每日一题（管理员）' },
  resume: { en: 'Resume the daily question here (admins)', 'zh-CN': '恢复本频道的每日一题（管理员）' },
} satisfies Record<string, Localized>;

export const LOCALE_CHOICES: Record<Locale, Localized> = {
  'zh-CN': { en: 'Chinese (zh-CN)', 'zh-CN': '中文 (zh-CN)' },
  en: { en: 'English (en)', 'zh-CN': '英文 (en)' },
};

export const REPLY_TEXT = {
  guildOnly: {
    en: 'k8s-quiz works in server channels, not in direct messages.',
    'zh-CN': 'k8s-quiz 只能在服务器频道中使用，不能在私信中使用。',
  },
} satisfies Record<string, Localized>;

/** Discord sends the user's client language (`zh-CN`, `en-US`, …); we speak zh-CN or en. */
export const localeOf = (discordLocale: string | undefined): Locale =>
  discordLocale?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
