import type { BlockAction, SlashCommand } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/model.js';
import {
  actionKey,
  actionRequest,
  commandRequest,
  unescapeSlackText,
} from '../../src/platforms/slack/parse.js';
import { blockActionsBody, type Place, slashCommandBody } from '../fakes/slack/payloads.js';

const limits = { count: { default: 5, min: 1, max: 20 }, seconds: { default: 30, min: 10, max: 120 } };
const place: Place = { teamId: 'T1', channelId: 'C1', userId: 'U1', userName: 'ana' };
const actor: Actor = { id: 'U1', name: 'Ana', isAdmin: false };

/** The payloads exactly as the fake delivers them over HTTP, decoded as Bolt decodes them. */
const command = (text: string) =>
  Object.fromEntries(
    new URLSearchParams(slashCommandBody(place, text, 'http://x/r')),
  ) as unknown as SlashCommand;
const press = (actionId: string, value?: string) =>
  JSON.parse(
    new URLSearchParams(
      blockActionsBody(place, {
        actionId,
        value,
        messageTs: '1.000001',
        responseUrl: 'http://x/r',
        actionTs: '9.9',
      }),
    ).get('payload') ?? '',
  ) as BlockAction;

describe('Slack payload → engine request', () => {
  it('GIVEN `/k8s-quiz start 5 networking 30` THEN a start command in that workspace and channel', () => {
    const request = commandRequest(command('start 5 networking 30'), actor, limits);
    expect(request.team).toEqual({ platform: 'slack', workspaceId: 'T1', channelId: 'C1' });
    expect(request.actor).toBe(actor);
    expect(request.command).toEqual({ name: 'start', count: 5, seconds: 30, category: 'networking' });
  });

  it('GIVEN `leaderboard week` and `stats <@U2|bo>` THEN the scope and the mentioned user id', () => {
    expect(commandRequest(command('leaderboard week'), actor, limits).command).toEqual({
      name: 'leaderboard',
      scope: 'week',
    });
    expect(commandRequest(command('stats <@U2|bo>'), actor, limits).command).toEqual({
      name: 'stats',
      player: { id: 'U2', name: 'bo' },
    });
  });

  it('GIVEN text the engine cannot read THEN an invalid command (answered with the usage), never a throw', () => {
    expect(commandRequest(command('start 500'), actor, limits).command.name).toBe('invalid');
    expect(commandRequest(command('dance'), actor, limits).command.name).toBe('invalid');
    expect(commandRequest(command(''), actor, limits).command).toEqual({ name: 'help' });
  });

  it('GIVEN text Slack escaped THEN it is read as typed, in one pass', () => {
    expect(unescapeSlackText('a &amp; b &lt;x&gt; &amp;lt;')).toBe('a & b <x> &lt;');
    expect(commandRequest(command('stats tom&amp;jerry'), actor, limits).command).toEqual({
      name: 'stats',
      player: { name: 'tom&jerry' },
    });
  });

  it('GIVEN an answer button THEN an answer to that round and choice', () => {
    const request = actionRequest(press('k8sq:a:live-abc-0:2'), actor);
    expect(request.team).toEqual({ platform: 'slack', workspaceId: 'T1', channelId: 'C1' });
    expect(request.command).toEqual({ name: 'answer', roundId: 'live-abc-0', choice: 2 });
  });

  it('GIVEN a reference button THEN a reference request', () => {
    expect(actionRequest(press('k8sq:r:pod-qos-classes'), actor).command).toEqual({
      name: 'reference',
      questionId: 'pod-qos-classes',
    });
  });

  it('GIVEN a forged or foreign action id THEN an answer to an unknown round, which the engine refuses politely', () => {
    for (const id of ['k8sq:a:x:99', 'evil', 'k8sq:a:../../x:1', `k8sq:a:${'x'.repeat(300)}:1`]) {
      expect(actionRequest(press(id, id), actor).command).toEqual({
        name: 'answer',
        roundId: 'unknown',
        choice: 0,
      });
    }
  });

  it('GIVEN the same press delivered twice THEN the same retry key', () => {
    expect(actionKey(press('k8sq:a:r:1'))).toBe(actionKey(press('k8sq:a:r:1')));
    expect(actionKey(press('k8sq:a:r:1'))).not.toBe(actionKey(press('k8sq:a:r:2')));
  });
});
