import { BotProcess, npmStartLaunch } from '../support/bot-process.js';

/** The bot over several lives: started as `npm start` starts it, SIGKILLed, started again. */
export class BotLives {
  /**
   * When the current life first answered /readyz (ms). Recovery is timed from here: the time to
   * start (tsx compiling the app, longer on a loaded machine) is bench/startup.ts's figure.
   */
  readyAt = 0;
  private current: BotProcess | undefined;
  private earlier = '';

  constructor(
    private readonly env: Record<string, string>,
    private readonly port: number,
  ) {}

  get running(): boolean {
    return this.current?.alive ?? false;
  }

  async start(): Promise<void> {
    if (this.running) throw new Error('the bot is already running');
    if (this.current) this.earlier += this.current.stdout + this.current.stderr;
    this.current = await BotProcess.start(this.env, {
      port: this.port,
      stdin: 'ignore',
      launch: npmStartLaunch(),
    });
    await this.current.waitReady(60_000);
    this.readyAt = Date.now();
  }

  /** kill -9, resolved once the process is gone. */
  async kill(): Promise<void> {
    await this.current?.kill();
  }

  /** Resolves when the current life ends (e.g. a crash hook killed it). */
  async whenExited(): Promise<void> {
    await this.current?.exited;
  }

  /** Everything the bot wrote over all its lives (log lines and stderr). */
  get log(): string {
    return this.earlier + (this.current ? this.current.stdout + this.current.stderr : '');
  }

  /** Lines of the bot's output that contain `text`. */
  logged(text: string): string[] {
    return this.log.split('\n').filter((line) => line.includes(text));
  }
}
