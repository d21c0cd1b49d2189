import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const MANIFEST_PATH = fileURLToPath(new URL('../../../slack/manifest.yaml', import.meta.url));

export interface SlackManifest {
  features: {
    bot_user: { display_name: string };
    slash_commands: {
      command: string;
      url: string;
      usage_hint?: string;
      description: string;
      should_escape?: boolean;
    }[];
  };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: { interactivity: { is_enabled: boolean; request_url: string }; socket_mode_enabled: boolean };
}

/** The app manifest an admin installs; the fake grants the bot exactly its scopes. */
export function readManifest(): SlackManifest {
  return parse(readFileSync(MANIFEST_PATH, 'utf8')) as SlackManifest;
}
