import { describe, expect, it } from 'vitest';
import { EVENTS_PATH } from '../../src/platforms/slack/bolt-app.js';
import { SLASH_COMMAND } from '../../src/platforms/slack/listeners.js';
import { readManifest } from '../fakes/slack/manifest.js';
import { METHOD_SCOPES } from '../fakes/slack/web-api-routes.js';

describe('slack/manifest.yaml', () => {
  const manifest = readManifest();

  it('GIVEN the manifest THEN it declares /k8s-quiz and interactivity on the path Bolt listens on', () => {
    const [command] = manifest.features.slash_commands;
    expect(manifest.features.slash_commands).toHaveLength(1);
    expect(command?.command).toBe(SLASH_COMMAND);
    expect(new URL(command?.url ?? '').pathname).toBe(EVENTS_PATH);
    expect(command?.should_escape).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(new URL(manifest.settings.interactivity.request_url).pathname).toBe(EVENTS_PATH);
    expect(typeof manifest.settings.socket_mode_enabled).toBe('boolean');
  });

  it('GIVEN the bot scopes THEN exactly what the Web API methods the bot calls need, plus commands — no more', () => {
    // The fake Slack grants these scopes and refuses any method needing another (missing_scope),
    // so every test that passes against it shows they are enough.
    const needed = new Set([
      'commands',
      ...Object.values(METHOD_SCOPES).flatMap((s) => (s === null ? [] : typeof s === 'string' ? [s] : s)),
    ]);
    expect(new Set(manifest.oauth_config.scopes.bot)).toEqual(needed);
    expect(manifest.oauth_config.scopes.user ?? []).toEqual([]);
  });

  it('GIVEN Slack’s field limits THEN the command text fits them', () => {
    const [command] = manifest.features.slash_commands;
    expect(command?.description.length).toBeLessThanOrEqual(2000);
    expect(command?.usage_hint?.length ?? 0).toBeLessThanOrEqual(1000);
    expect(manifest.features.bot_user.display_name.length).toBeLessThanOrEqual(80);
  });
});
