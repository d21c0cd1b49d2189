import type { Catalog } from './catalog.js';

export const en: Catalog = {
  'usage.unknownCommand': 'Unknown subcommand "{command}". Available: {commands}',
  'usage.start':
    'Usage: `/k8s-quiz start [questions {countMin}–{countMax}] [category] [seconds per question {secondsMin}–{secondsMax}]`, e.g. `start 5 networking 30`',
  'usage.leaderboard': 'Usage: `/k8s-quiz leaderboard [week|all|teams]`',
  'usage.noArguments': '"{command}" takes no arguments.',
  'usage.setupKey': 'Cannot read "{key}". You can set: {keys} (as key=value, e.g. `timezone=Europe/Berlin`)',
  'usage.count': 'The number of questions must be a whole number from {min} to {max} (got "{value}").',
  'usage.seconds': 'Seconds per question must be a whole number from {min} to {max} (got "{value}").',
  'usage.category': 'Unknown category "{category}". Choose one of: {categories}',

  'help.title': 'How to use k8s-quiz',
  'help.body': [
    'Every day at {dailyTime} a Kubernetes interview question is posted; at {closeTime} it is revealed and scored (time zone {timezone}).',
    '',
    '`/k8s-quiz start [questions] [category] [seconds]` start a live round',
    '`/k8s-quiz stop` end the running round (its starter or an admin)',
    "`/k8s-quiz daily` show today's question again",
    '`/k8s-quiz leaderboard [week|all|teams]` leaderboards',
    '`/k8s-quiz stats [player]` personal stats',
    '`/k8s-quiz ask <words>` look up reference answers, e.g. `ask QoS`, `ask probe`',
    '`/k8s-quiz setup key=value …` settings (admins): {setupKeys}',
    '`/k8s-quiz pause` / `resume` pause / resume the daily question (admins)',
    '',
    'Categories: {categories}',
  ].join('\n'),

  'error.notSetUp': 'k8s-quiz is not enabled in this channel yet. An admin can run `/k8s-quiz setup` here.',
  'error.adminOnly': 'Only admins can use `{command}`.',
  'error.fault':
    "k8s-quiz paused itself in this channel: {reason}. An admin can fix the bot's permissions and run `/k8s-quiz resume`.",
  'error.unexpected': 'Sorry, something went wrong. Please try again in a moment.',
  'error.roundBusy': 'A live round is already running in this channel (started by {starter}).',
  'error.noLiveRound': 'No live round is running.',
  'error.notStarter': 'Only {starter}, who started this round, or an admin can stop it.',
  'error.noDaily': 'There is no open daily question right now.',
  'error.playerUnknown': 'No record found for player "{player}".',
  'error.emptyCategory': 'The chosen categories have no questions.',
  'daily.noItems':
    "No daily question today: this channel's categories ({categories}) have no questions. An admin can run `/k8s-quiz setup categories=all` or choose other categories.",

  'answer.recordedDaily': 'Recorded **{choice}** — results at {closeTime}.',
  'answer.recordedLive': 'Recorded **{choice}** — results when this question closes.',
  'answer.already': 'You already chose **{choice}**; one answer per player.',
  'answer.closed': 'This question is closed.',

  'daily.title': 'Question of the day · {category}',
  'daily.footer':
    "Closes at {closeTime} ({timezone}) · one answer each · nobody sees others' choices before the reveal",
  'live.title': 'Question {index}/{count} · {category}',
  'live.footer': {
    by: 'seconds',
    one: '{seconds} second to answer · 10 points for a correct answer, up to 10 more for speed',
    other: '{seconds} seconds to answer · 10 points for a correct answer, up to 10 more for speed',
  },
  'live.started': {
    by: 'count',
    one: '{starter} started a live round of {count} question, {seconds} seconds.',
    other: '{starter} started a live round of {count} questions, {seconds} seconds each.',
  },
  'question.closedFooter': 'Closed · see the reveal below',

  'reveal.title': 'Reveal · {title}',
  'reveal.correct': 'Correct answer: **{choice}. {option}**',
  'reveal.split': 'How the team answered',
  'reveal.winners': 'Right (fastest first)',
  'reveal.nobodyRight': 'Nobody got it right this time.',
  'reveal.noAnswers': 'Nobody answered.',
  'reveal.points': { by: 'points', one: '+{points} pt', other: '+{points} pts' },
  'reveal.streak': '{streak}-day streak',
  'reveal.referenceButton': 'Reference answer',
  'reference.title': 'Reference answer · {title}',
  'usage.ask':
    'Usage: `/k8s-quiz ask <words>` (at most {max} characters), e.g. `ask QoS`, `ask probe`, `ask calico`',
  'ask.none': 'No reference answer matches "{words}". Try other words, e.g. QoS, probe, eviction.',
  'ask.more': {
    by: 'count',
    one: '{count} more related question: press it to open it',
    other: '{count} more related questions: press one to open it',
  },

  'standings.title': 'Round over · standings',
  'standings.stopped': 'The round was stopped by {player}.',
  'standings.empty': 'Nobody scored this round.',

  'board.week': 'Leaderboard this week ({week})',
  'board.all': 'All-time leaderboard',
  'board.teams': "Teams ({week}, sum of each team's top 3)",
  'board.empty':
    'No points yet. Answer the daily question or start a round with `/k8s-quiz start` to get on the board.',
  'board.you': { by: 'points', one: 'You: #{rank}, {points} pt', other: 'You: #{rank}, {points} pts' },
  'board.youNone': 'You have no points yet.',
  'board.line': { by: 'points', one: '{place} {name} — {points} pt', other: '{place} {name} — {points} pts' },
  'board.teamLine': {
    by: 'players',
    one: '{rank}. {name} — {points} pts ({players} player)',
    other: '{rank}. {name} — {points} pts ({players} players)',
  },
  'board.thisTeam': 'this channel',

  'stats.title': 'Stats for {player}',
  'stats.answered': 'Answered',
  'stats.accuracy': 'Accuracy',
  'stats.streak': 'Current streak',
  'stats.bestStreak': 'Best streak',
  'stats.week': 'Points this week',
  'stats.all': 'Points all time',
  'stats.categories': 'Accuracy by category',
  'stats.categoryLine': '{category}: {accuracy} ({correct}/{answered})',
  'stats.days': { by: 'count', one: '{count} day', other: '{count} days' },
  'stats.none': 'No answers yet.',

  'setup.done': 'k8s-quiz is enabled in this channel with these settings:',
  'setup.summary':
    'Language: {locale}\nTime zone: {timezone}\nDaily question: posted {dailyTime}, revealed {closeTime}\nWeekly announcement: {weeklyDay} {weeklyTime}\nCategories: {categories}',
  'setup.allCategories': 'all',
  'setup.unchanged': 'Nothing was changed:',
  'setup.bad.locale': 'locale must be zh-CN or en (got "{value}").',
  'setup.bad.timezone':
    '"{value}" is not an IANA time zone name; write it like Asia/Shanghai or Europe/Berlin.',
  'setup.bad.time': '{key} needs a 24-hour time such as 09:30 (got "{value}").',
  'setup.bad.weeklyForm': 'weekly needs a day and a time joined by @, such as monday@10:00 (got "{value}").',
  'setup.bad.weekday':
    'In weekly, "{day}" is not a day of the week; use monday … sunday or mon … sun, such as monday@10:00.',
  'setup.bad.category': 'Unknown category "{category}". Choose from: {categories}, or all.',
  'setup.bad.emptyCategory': 'The category "{category}" has no questions yet, so it cannot be chosen.',
  'setup.bankLanguage':
    "Note: the question bank is in Chinese for now, so questions, options, explanations and reference answers stay Chinese; only the bot's own messages are in English.",
  'time.nextDay': '{time} the next day',
  'pause.done':
    'Paused: no daily questions or weekly announcements (a question already posted is still revealed). Live rounds with `/k8s-quiz start` still work. `/k8s-quiz resume` turns the posts back on.',
  'pause.already': 'k8s-quiz is already paused in this channel. `/k8s-quiz resume` turns it back on.',
  'resume.today': 'Resumed: the next daily question is today at {dailyTime}.',
  'resume.tomorrow': 'Resumed: the next daily question is tomorrow at {dailyTime}.',
  'resume.already': 'k8s-quiz is already running in this channel; there is nothing to resume.',
  'stop.done': 'Stopping the round…',

  'weekly.title': 'Last week · {week}',
  'weekly.titleSoFar': 'This week so far · {week}',
  'weekly.quietSoFar': 'Nobody has answered this week yet.',
  'weekly.podium': 'Podium',
  'weekly.top': 'Places 4–10',
  'weekly.teamRank': 'This channel ranks #{rank} of {count} teams',
  'weekly.strongest': 'Strongest category',
  'weekly.weakest': 'Weakest category',
  'weekly.longestStreak': 'Longest streak',
  'weekly.streakLine': { by: 'streak', one: '{name}: {streak} day', other: '{name}: {streak} days' },
  'weekly.quiet': 'Nobody answered last week. Start today with `/k8s-quiz daily`!',
  'weekly.accuracy': '{category} ({accuracy} correct)',

  'weekday.monday': 'Monday',
  'weekday.tuesday': 'Tuesday',
  'weekday.wednesday': 'Wednesday',
  'weekday.thursday': 'Thursday',
  'weekday.friday': 'Friday',
  'weekday.saturday': 'Saturday',
  'weekday.sunday': 'Sunday',

  'fault.forbidden': 'the bot lacks permission to post in this channel',
  'fault.gone': 'the channel no longer exists or the bot is not in it',
};
