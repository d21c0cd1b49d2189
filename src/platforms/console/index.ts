import { commandOfAction, commandOfForm } from '../../core/actions.js';
import type { Command } from '../../core/command.js';
import { clockTime, localDate } from '../../core/local-time.js';
import { type Actor, type Team, type TeamAddress, teamIdOf } from '../../core/model.js';
import { parseCommandText } from '../../core/parse-command.js';
import type { Outbox } from '../../core/ports.js';
import type { View, ViewForm } from '../../core/view.js';
import type { TeamJobs } from '../../jobs/team-jobs.js';
import type { AdapterDeps, PlatformAdapter } from '../adapter.js';
import { formValues, renderForm } from './form.js';
import { imageLine } from './image.js';
import { ANSI_STYLE, PLAIN_STYLE } from './markdown.js';
import { CONSOLE_HELP, type ConsoleInput, nothingDoneText, parseConsoleLine } from './parse.js';
import { type PlaygroundClock, parseWait } from './playground-clock.js';
import { renderView } from './render.js';
import { type ConsoleIo, openTerminal, type Terminal } from './terminal.js';

export type { ConsoleIo } from './terminal.js';

export interface ConsoleOptions {
  jobs: TeamJobs;
  io?: ConsoleIo | undefined;
  onEnd: () => void;
  /** The engine's clock, when `:wait` may move it (not when a test brought its own). */
  clock?: PlaygroundClock | undefined;
}

/** The one simulated team channel of the playground. */
export const PLAYGROUND: TeamAddress = { platform: 'console', workspaceId: 'local', channelId: 'playground' };
const TEAM_ID = teamIdOf(PLAYGROUND);
const FIRST_PLAYER = 'you';

/**
 * The terminal playground: one channel, players switched with `:as`, buttons pressed with
 * `:press`, jobs run with `:run`, everything forgotten with `:reset`. Each line's effects
 * print before the next line is read.
 */
export function createConsoleAdapter(deps: AdapterDeps, options: ConsoleOptions): PlatformAdapter {
  const io = options.io ?? {
    input: process.stdin,
    output: process.stdout,
    interactive: Boolean(process.stdin.isTTY),
  };
  // Opened at start: a line read before the loop would be lost, and nothing is read before it.
  let terminal: Terminal | undefined;
  // Colours and bold at a terminal; a piped transcript is plain text, the same every run.
  const style = io.interactive ? ANSI_STYLE : PLAIN_STYLE;
  /** Messages with buttons; a private one (`audience`) can be pressed only by its player. */
  const messages: { ref: string; view: View; audience?: string }[] = [];
  /** Each player's latest form, filled in with `:form`. */
  const forms = new Map<string, ViewForm>();
  let admin: string | undefined;
  let player = FIRST_PLAYER;
  let posted = 0;
  let closed = false;

  const print = (text: string) => (terminal ? terminal.print(text) : void io.output.write(text));
  const show = (view: View, audience?: string) =>
    print(renderView(view, { style, ...(audience ? { audience } : {}) }));
  const say = (text: string) => print(`${text}\n`);
  const remember = (view: View, ref: string, audience?: string) => {
    if (view.buttons?.some((b) => !b.disabled))
      messages.push({ ref, view, ...(audience ? { audience } : {}) });
  };
  const outbox: Outbox = {
    async post(_team: Team, view: View) {
      const ref = `m${messages.length + 1}-${Date.now().toString(36)}`;
      posted += 1;
      show(view);
      if (view.image) print(await imageLine(view.image));
      remember(view, ref);
      return { ref, found: false };
    },
    /** A review reminder: printed for its player, as the DM or ephemeral message it is elsewhere. */
    async postPrivately(_team: Team, playerId: string, view: View) {
      posted += 1;
      show(view, playerId);
      return { ref: `dm-${posted}`, found: false };
    },
    async update(_team: Team, ref: string, view: View) {
      const at = messages.findIndex((m) => m.ref === ref);
      if (at >= 0) messages.splice(at, 1);
      remember(view, ref);
    },
  };

  const actor = (): Actor => {
    admin ??= player;
    return { id: player.toLowerCase(), name: player, isAdmin: player === admin };
  };
  const send = async (command: Command) => {
    const views = await deps.engine.handle({ team: PLAYGROUND, actor: actor(), command });
    for (const view of views) {
      show(view, player);
      remember(view, `reply-${messages.length + 1}`, view.visibility === 'private' ? player : undefined);
      if (view.form) {
        forms.set(player, view.form);
        print(renderForm(view.form));
      }
    }
    await options.jobs.settle();
  };
  const press = async (key: string) => {
    const latest = messages.filter((m) => m.audience === undefined || m.audience === player).at(-1)?.view;
    const buttons = latest?.buttons ?? [];
    const index = /^\d+$/.test(key)
      ? Number(key) - 1
      : buttons.findIndex((b) => b.label.toUpperCase() === key.toUpperCase());
    const button = buttons[index];
    if (!button || button.disabled)
      return say(`no button "${key}" on the latest message with buttons you can see`);
    await send(commandOfAction(button.action));
  };
  const submit = async (text: string) => {
    const form = forms.get(player);
    if (!form) return say('no form to fill in: press a button that opens one first');
    const values = formValues(form, text);
    if (typeof values === 'string') return say(values);
    forms.delete(player);
    await send(commandOfForm({ action: form.action, values }));
  };
  const setUp = () =>
    deps.engine.handle({ team: PLAYGROUND, actor: actor(), command: { name: 'setup', changes: {} } });

  /** A job run by hand that posted nothing says why, as `:run close` does. */
  const run = async (job: Extract<ConsoleInput, { kind: 'run' }>['job']) => {
    const before = posted;
    if (!(await options.jobs.run(job, TEAM_ID))) return say(nothingDoneText({ reason: 'no-open-question' }));
    if (posted === before && (job === 'daily' || job === 'weekly'))
      say(nothingDoneText(await options.jobs.whyNothingPosted(job, TEAM_ID)));
  };
  const reset = async () => {
    await options.jobs.reset();
    messages.length = 0;
    forms.clear();
    admin = undefined;
    player = FIRST_PLAYER;
    await setUp();
    say(`playground reset: every score, question and job is gone; you are "${FIRST_PLAYER}", the admin`);
  };

  const wait = async (text: string) => {
    const ms = parseWait(text);
    if (ms === undefined) return say('usage: `:wait 1d` or `:wait 12h` (days or hours ahead, up to a year)');
    if (!options.clock) return say("the playground's clock cannot move in this run");
    options.clock.advance(ms);
    const zone = deps.config.team.timezone;
    say(
      `the clock moved ${text.trim()} ahead: it is now ${localDateTime(options.clock.now(), zone)} (${zone})`,
    );
  };

  const handleLine = async (line: string) => {
    const input = parseConsoleLine(line);
    if (input.kind !== 'empty') terminal?.echo(player, line.trim());
    switch (input.kind) {
      case 'command':
        return send(parseCommandText(input.text, deps.config.live));
      case 'as':
        player = input.name;
        actor();
        return;
      case 'press':
        return press(input.key);
      case 'form':
        return submit(input.text);
      case 'run':
        return run(input.job);
      case 'wait':
        return wait(input.text);
      case 'reset':
        return reset();
      case 'quit':
        closed = true;
        return;
      case 'unknown':
        return say(CONSOLE_HELP);
      default:
        return;
    }
  };

  return {
    platform: 'console',
    outbox,
    async start() {
      await setUp();
      const zone = deps.config.team.timezone;
      if (io.interactive) say(`k8s-quiz playground (time zone ${zone}) — ${CONSOLE_HELP}`);
      const term = openTerminal(io);
      terminal = term;
      void (async () => {
        term.prompt(player);
        for await (const line of term.lines()) {
          try {
            await handleLine(line);
          } catch (error) {
            deps.logger.error({ err: error, line }, 'playground line failed');
            say('something went wrong; see the log');
          }
          if (closed) break;
          term.prompt(player);
        }
        term.close();
        options.onEnd();
      })();
    },
    async stop() {
      closed = true;
    },
    ready: () => true,
  };
}

const localDateTime = (at: number, zone: string) => `${localDate(at, zone)} ${clockTime(at, zone)}`;
