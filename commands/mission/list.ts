import {Command, Option} from 'clipanion';
import {InputError} from '../../lib/errors.ts';
import type {listMissions, MissionListView} from '../../lib/mission/listMissions.ts';
import {MaestroCommand} from '../base.ts';

export class MissionListCommand extends MaestroCommand {
  static paths = [[`mission`, `list`]];
  static usage = Command.Usage({
    category: `Missions`,
    description: `list missions, newest first`,
    details: `Lists the missions of the state with their stored status. Without \`--limit\`, the human output shows the newest 10; \`--json\` returns all that match.`,
    examples: [[`List missions`, `$0 mission list`], [`Approved missions as JSON`, `$0 mission list --status approved --json`]],
  });

  status = Option.String(`--status`, {description: `Only missions with this stored status`});
  limit = Option.String(`--limit`, {description: `At most this many missions`});
  json = Option.Boolean(`--json`, false, {description: `Print {missions, total} as one JSON document`});

  async run() {
    const {listMissions, MissionListView} = await import('../../lib/mission/listMissions.ts');
    const limit = this.limit === undefined ? undefined : Number(this.limit);
    if (limit !== undefined && !Number.isInteger(limit)) throw new InputError(`mission list limit must be a positive integer`, {hint: `maestro mission list --limit 10`});
    const view = await listMissions(this.context.openWorkspace(), {...(this.status ? {status: this.status} : {}), ...(limit !== undefined ? {limit} : {})});
    this.print(MissionListView, view, v => {
      if (v.missions.length === 0) return `No missions found`;
      const shown = limit === undefined ? v.missions.slice(0, 10) : v.missions;
      const header = shown.length < v.missions.length ? `${shown.length} newest mission(s) shown (total: ${v.missions.length})` : `${shown.length} mission(s)`;
      const rows = shown.map(m => `${m.id}  ${m.status.padEnd(12)}  ${m.title.slice(0, 40)}`);
      const footer = shown.length < v.missions.length ? [``, `Output truncated to the newest 10 missions.`, `Use 'maestro mission list --limit N' to see more.`] : [];
      return [header, ``, ...rows, ...footer].join(`\n`);
    });
  }
}
