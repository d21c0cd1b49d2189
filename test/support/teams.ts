import type { Team, TeamAddress } from '../../src/core/model.js';
import { teamIdOf } from '../../src/core/model.js';
import type { TeamSettings } from '../../src/core/settings.js';

/** A registered team with the default settings, for adapter tests that need one without the engine. */
export function testTeam(address: TeamAddress, settings: Partial<TeamSettings> = {}): Team {
  return {
    id: teamIdOf(address),
    address,
    settings: {
      locale: 'en',
      timezone: 'Asia/Shanghai',
      dailyTime: '09:30',
      closeTime: '18:00',
      weeklyDay: 'monday',
      weeklyTime: '10:00',
      categories: [],
      paused: false,
      ...settings,
    },
  };
}
