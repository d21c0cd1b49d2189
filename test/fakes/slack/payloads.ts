import type { OpenedView } from './views.js';

/** Where a payload comes from: a workspace, a channel, a user. */
export interface Place {
  teamId: string;
  channelId: string;
  userId: string;
  userName: string;
}

let triggerCounter = 0;
const trigger = () => `${Date.now()}.${++triggerCounter}.fake-trigger`;

/** A slash command as Slack POSTs it (form fields). https://docs.slack.dev/interactivity/implementing-slash-commands */
export function slashCommandBody(
  place: Place,
  text: string,
  responseUrl: string,
  triggerId = trigger(),
): string {
  return new URLSearchParams({
    token: 'verification-token-unused',
    team_id: place.teamId,
    team_domain: 'fake',
    channel_id: place.channelId,
    channel_name: 'quiz',
    user_id: place.userId,
    user_name: place.userName,
    command: '/k8s-quiz',
    text,
    api_app_id: 'A0001',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: triggerId,
  }).toString();
}

export interface PressOptions {
  actionId: string;
  value?: string;
  messageTs: string;
  responseUrl: string;
  /** Same on a retry of the same press. */
  actionTs?: string;
}

/** A `block_actions` interaction (one button press) as Slack POSTs it: form field `payload` with JSON. */
export function blockActionsBody(place: Place, press: PressOptions): string {
  const payload = {
    type: 'block_actions',
    user: { id: place.userId, username: place.userName, name: place.userName, team_id: place.teamId },
    api_app_id: 'A0001',
    token: 'verification-token-unused',
    container: {
      type: 'message',
      message_ts: press.messageTs,
      channel_id: place.channelId,
      is_ephemeral: false,
    },
    trigger_id: trigger(),
    team: { id: place.teamId, domain: 'fake' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: place.channelId, name: 'quiz' },
    message: { type: 'message', ts: press.messageTs, user: 'UBOT', text: '' },
    response_url: press.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: press.actionId,
        block_id: 'b1',
        value: press.value ?? press.actionId,
        text: { type: 'plain_text', text: 'A', emoji: true },
        action_ts: press.actionTs ?? `${Date.now() / 1000}`,
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/**
 * The player submits a modal the bot opened (`view_submission`): per input block, the option
 * picked (static select) or the text typed, as Slack POSTs it.
 */
export function viewSubmissionBody(place: Place, view: OpenedView, answers: Record<string, string>): string {
  const values: Record<string, Record<string, unknown>> = {};
  for (const block of view.blocks) {
    const actionId = block.element?.action_id ?? '';
    const answer = answers[actionId];
    const picked = block.element?.options?.find((o) => o.value === answer);
    values[block.block_id ?? ''] = {
      [actionId]:
        block.element?.type === 'static_select'
          ? {
              type: 'static_select',
              selected_option: picked ? { text: picked.text, value: picked.value } : null,
            }
          : { type: 'plain_text_input', value: answer ?? null },
    };
  }
  const payload = {
    type: 'view_submission',
    team: { id: place.teamId, domain: 'fake' },
    user: { id: place.userId, username: place.userName, name: place.userName, team_id: place.teamId },
    api_app_id: 'A0001',
    token: 'verification-token-unused',
    trigger_id: trigger(),
    view: {
      id: view.id,
      team_id: place.teamId,
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      hash: `${view.id}-hash`,
      state: { values },
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
