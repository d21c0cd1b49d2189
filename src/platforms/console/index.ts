import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { commandOfAction } from '../../core/actions.js';
import type { Command } from '../../core/command.js';
import { type Actor, type Team, type TeamAddress, teamIdOf } from '../../core/model.js';
import { parseCommandText } from '../../core/parse-command.js';
import type { Outbox } from '../../core/ports.js';
import type { View } from '../../core/view.js';
import type { TeamJobs } from '../../jobs/team-jobs.js';
import type { AdapterDeps, PlatformAdapter } from '../adapter.js';
import { CONSOLE_HELP, parseConsoleLine } from './parse.js';
import { renderView } from './render.js';

export interface ConsoleIo {
  input: Readable;
  output: Writable;
  /** A person at a terminal (prompt shown) rather than a piped script (input lines echoed). */
  interactive: boolean;
}

export interface ConsoleOptions {
  jobs: TeamJobs;
  io?: ConsoleIo | undefined;
  onEnd: () => void;
}

/** The one simulated team channel of the playground. */
export const PLAYGROUND: TeamAddress = { platform: 'console', workspaceId: 'local', channelId: 'playground' };

/**
 * The terminal playground: one channel, players switched with `:as`, buttons pressed with
 * `:press`, jobs run with `:run`. Each line's effects print before the next line is read.
 */
export function createConsoleAdapter(deps: AdapterDeps, options: ConsoleOptions): PlatformAdapter {
  const io = options.io ?? {
    input: process.stdin,
    output: process.stdout,
    interactive: Boolean(process.stdin.isTTY),
  };
  const write = (text: string) => io.output.write(text);
  const messages: { ref: string; view: View }[] = [];
  let admin: string | undefined;
  let player = 'you';
  let closed = false;

  const remember = (view: View, ref: string) => {
    if (view.buttons?.some((b) => !b.disabled)) messages.push({ ref, view });
  };
  const outbox: Outbox = {
    async post(_team: Team, view: View) {
      const ref = `m${messages.length + 1}-${Date.now().toString(36)}`;
      write(renderView(view));
      remember(view, ref);
      return ref;
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
      write(renderView(view, { audience: player }));
      remember(view, `reply-${messages.length + 1}`);
    }
    await options.jobs.settle();
  };
  const press = async (key: string) => {
    const latest = messages.at(-1)?.view;
    const buttons = latest?.buttons ?? [];
    const index = /^\d+$/.test(key)
      ? Number(key) - 1
      : buttons.findIndex((b) => b.label.toUpperCase() === key.toUpperCase());
    const button = buttons[index];
    if (!button || button.disabled) return write(`no button "${key}" on the latest message with buttons\n`);
    await send(commandOfAction(button.action));
  };

  const handleLine = async (line: string) => {
    const input = parseConsoleLine(line);
    if (!io.interactive && input.kind !== 'empty') write(`${player}> ${line.trim()}\n`);
    switch (input.kind) {
      case 'command':
        return send(parseCommandText(input.text, deps.config.live));
      case 'as':
        player = input.name;
        actor();
        return;
      case 'press':
        return press(input.key);
      case 'run':
        if (!(await options.jobs.run(input.job, teamIdOf(PLAYGROUND))))
          write('nothing to close: no open question\n');
        return;
      case 'quit':
        closed = true;
        return;
      case 'unknown':
        return write(`${CONSOLE_HELP}\n`);
      default:
        return;
    }
  };

  return {
    platform: 'console',
    outbox,
    async start() {
      await deps.engine.handle({ team: PLAYGROUND, actor: actor(), command: { name: 'setup', changes: {} } });
      if (io.interactive) write(`k8s-quiz playground — ${CONSOLE_HELP}\n`);
      void (async () => {
        const lines = createInterface({ input: io.input, terminal: false });
        if (io.interactive) write(`${player}> `);
        for await (const line of lines) {
          try {
            await handleLine(line);
          } catch (error) {
            deps.logger.error({ err: error, line }, 'playground line failed');
            write('something went wrong; see the log\n');
          }
          if (closed) break;
          if (io.interactive) write(`${player}> `);
        }
        lines.close();
        options.onEnd();
      })();
    },
    async stop() {
      closed = true;
    },
    ready: () => true,
  };
}
