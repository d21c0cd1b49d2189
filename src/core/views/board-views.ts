import type { Translate } from '../../i18n/catalog.js';
import type { Board, BoardEntry, TeamsBoard, TeamsBoardEntry } from '../boards.js';
import type { View } from '../view.js';
import { MEDALS } from './format.js';

/** U+2007 is as wide as a digit: ranks 4–99 take the medals' two columns, so names line up. */
const FIGURE_SPACE = '\u2007';

/** 🥇 🥈 🥉 for the podium, else the rank, two columns wide. */
export const place = (rank: number): string => MEDALS[rank - 1] ?? String(rank).padStart(2, FIGURE_SPACE);

/** One ranked player; plain text, since it carries the name. */
export const boardLine = (e: BoardEntry, t: Translate): string =>
  t('board.line', { place: place(e.rank), name: e.name, points: e.points });

/** Top of a team board plus the caller's own line; an empty board is one line. */
export function leaderboardView(title: string, board: Board, t: Translate): View {
  if (board.top.length === 0) {
    return { visibility: 'private', tone: 'info', title, body: t('board.empty') };
  }
  return {
    visibility: 'private',
    tone: 'info',
    title,
    body: board.top.map((e) => boardLine(e, t)).join('\n'),
    bodyFormat: 'plain',
    footer: board.me ? t('board.you', { rank: board.me.rank, points: board.me.points }) : t('board.youNone'),
  };
}

/**
 * Teams of one workspace ranked by the sum of each team's top three players: the top, and
 * below it the caller's team when it is not in the top, or how many teams there are.
 */
export function teamsBoardView(
  title: string,
  board: TeamsBoard,
  nameOf: (entry: TeamsBoardEntry) => string,
  t: Translate,
): View {
  const body = board.top.length
    ? board.top
        .map((s) =>
          t('board.teamLine', { rank: s.rank, name: nameOf(s), points: s.points, players: s.players }),
        )
        .join('\n')
    : t('board.empty');
  const view: View = { visibility: 'private', tone: 'info', title, body };
  const { me, count } = board;
  const shown = board.top.length;
  if (me && !board.top.some((s) => s.teamId === me.teamId))
    view.footer = t('board.teamsYou', { rank: me.rank, count, points: me.points });
  else if (count > shown) view.footer = t('board.teamsShown', { shown, count });
  return view;
}

/** The end of a live round. */
export function standingsView(entries: BoardEntry[], t: Translate, stoppedBy?: string): View {
  const lines = entries.filter((e) => e.points > 0).map((e) => boardLine(e, t));
  const head = stoppedBy ? `${t('standings.stopped', { player: stoppedBy })}\n\n` : '';
  return {
    visibility: 'channel',
    tone: 'success',
    title: t('standings.title'),
    body: head + (lines.length ? lines.join('\n') : t('standings.empty')),
    bodyFormat: 'plain',
  };
}
