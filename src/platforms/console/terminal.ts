import { clearScreenDown, createInterface, cursorTo, moveCursor } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

export interface ConsoleIo {
  input: Readable;
  output: Writable;
  /** A person at a terminal (prompt shown) rather than a piped script (input lines echoed). */
  interactive: boolean;
}

/** Where the playground's chat goes, and where its lines come from. */
export interface Terminal {
  /** Prints a message. At a terminal it goes above the prompt, and the half-typed line is redrawn below it. */
  print(text: string): void;
  /** Shows the prompt for the current player (a piped script instead echoes each line it reads). */
  prompt(player: string): void;
  /** Echoes a line read from a script, so the transcript shows who typed what. */
  echo(player: string, line: string): void;
  lines(): AsyncIterable<string>;
  close(): void;
}

/**
 * A script: lines in, text out, nothing redrawn. A person: readline in terminal mode (line
 * editing, history), and every message that arrives — also on its own, like a reveal or the
 * next live question — is written above the prompt, which readline then redraws with
 * whatever was typed so far (`prompt(true)` keeps the cursor where it was).
 */
export function openTerminal(io: ConsoleIo): Terminal {
  if (!io.interactive) {
    const rl = createInterface({ input: io.input, terminal: false });
    return {
      print: (text) => void io.output.write(text),
      prompt: () => undefined,
      echo: (player, line) => void io.output.write(`${player}> ${line}\n`),
      lines: () => rl,
      close: () => rl.close(),
    };
  }
  const out = io.output;
  const rl = createInterface({ input: io.input, output: out, terminal: true, historySize: 200 });
  // Ctrl-C in raw mode reaches readline, not the process; with no SIGINT listener readline
  // closes, which ends the playground like Ctrl-D (tested).
  let shown = false;
  return {
    print(text) {
      if (!shown) return void out.write(text);
      // Back to where the prompt starts (a long line wraps over several rows), clear it, print,
      // then leave as many empty rows as readline will move up when it redraws the prompt.
      // That is readline's own row count, which a pasted chunk leaves behind the cursor's
      // real row; undocumented, so the real row is the fallback.
      const { rows } = rl.getCursorPos();
      const redrawUp = (rl as unknown as { prevRows?: unknown }).prevRows;
      moveCursor(out, 0, -rows);
      cursorTo(out, 0);
      clearScreenDown(out);
      out.write(text.endsWith('\n') ? text : `${text}\n`);
      out.write('\n'.repeat(typeof redrawUp === 'number' ? redrawUp : rows));
      rl.prompt(true);
    },
    prompt(player) {
      rl.setPrompt(`${player}> `);
      shown = true;
      rl.prompt(true);
    },
    echo: () => undefined, // readline already shows what was typed
    lines: () => rl,
    close: () => rl.close(),
  };
}
