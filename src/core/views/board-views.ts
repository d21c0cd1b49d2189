import type { Translate } from '../../i18n/catalog.js';
import type { Board, BoardEntry, TeamStanding } from '../boards.js';
import type { View } from '../view.js';
import { escapeMarkdown, MEDALS } from './format.js';

const line = (e: BoardEntry, t: Translate) => {
  const medal = MEDALS[e.rank - 1];
  const text = t('board.line', { rank: e.rank, name: escapeMarkdown(e.name), points: e.points });
  return medal ? `${medal} ${text}` : text;
};

/** Top of a team board plus the caller's own line. */
export function leaderboardView(title: string, board: Board, t: Translate): View {
  const body = board.top.length ? board.top.map((e) => line(e, t)).join('\n') : t('board.empty');
  return {
    visibility: 'private',
    tone: 'info',
    title,
    body,
    footer: board.me ? t('board.you', { rank: board.me.rank, points: board.me.points }) : t('board.youNone'),
  };
}

/** Teams of one workspace ranked by the sum of each team's top three players. */
export function teamsBoardView(
  title: string,
  standings: TeamStanding[],
  nameOf: (teamId: string) => string,
  t: Translate,
): View {
  const body = standings.length
    ? standings
        .map((s) =>
          t('board.teamLine', { rank: s.rank, name: nameOf(s.teamId), points: s.points, players: s.players }),
        )
        .join('\n')
    : t('board.empty');
  return { visibility: 'private', tone: 'info', title, body };
}

/** The end of a live round. */
export function standingsView(entries: BoardEntry[], t: Translate, stoppedBy?: string): View {
  const lines = entries.filter((e) => e.points > 0).map((e) => line(e, t));
  const head = stoppedBy ? `${t('standings.stopped', { player: escapeMarkdown(stoppedBy) })}\n\n` : '';
  return {
    visibility: 'channel',
    tone: 'success',
    title: t('standings.title'),
    body: head + (lines.length ? lines.join('\n') : t('standings.empty')),
  };
}
