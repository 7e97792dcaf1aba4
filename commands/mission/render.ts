import type {missionReport} from '../../lib/mission/showMission.ts';

/** The text of `mission show` (reference §1.4). */
export function renderMissionReport(report: ReturnType<typeof missionReport>): string {
  const {mission, effectiveMissionStatus, milestones, summary} = report;
  const lines = [
    `Mission: ${mission.id}`,
    `  Title: ${mission.title}`,
    `  Status: ${effectiveMissionStatus}`,
    `  Created: ${mission.createdAt}`,
    `  Updated: ${mission.updatedAt}`,
  ];
  if (effectiveMissionStatus !== mission.status) lines.push(`  Stored status: ${mission.status}`);
  if (mission.approvedAt) lines.push(`  Approved: ${mission.approvedAt}`);
  if (mission.rejectedAt) lines.push(`  Rejected: ${mission.rejectedAt}`);
  if (mission.completedAt) lines.push(`  Completed: ${mission.completedAt}`);
  lines.push(``, `Description: ${mission.description || `(none)`}`, ``, `Progress Summary:`,
    `  Features: ${summary.totalCompletedFeatures}/${summary.totalFeatures} (${summary.overallFeaturePct}%)`,
    `  Assertions: ${summary.totalTerminalAssertions}/${summary.totalAssertions} (${summary.overallAssertionPct}%)`);
  if (summary.totalWaivedAssertions > 0) lines.push(`  Waived Assertions: ${summary.totalWaivedAssertions}`);
  lines.push(``, `Progress: ${milestones.map(m => (m.status === `pending` || m.status === `sealed` ? `[${m.milestoneId}: ${m.status}]` : `[${m.milestoneId}: ${m.status} ${m.completedFeatures}/${m.featureCount}]`)).join(` `)}`, ``, `Milestones (${milestones.length}):`, ``);
  for (const m of milestones) {
    lines.push(`${m.order + 1}. ${m.milestoneId}  ${m.status.padEnd(12)}  ${m.milestone.title}`,
      `   Features: ${m.completedFeatures}/${m.featureCount} (${m.featureCompletionPct}%)`,
      `   Assertions: ${m.terminalAssertions}/${m.assertionCount} (${m.assertionCompletionPct}%)`);
    if (m.waivedAssertions > 0) lines.push(`   Waived: ${m.waivedAssertions} assertion(s)`);
    lines.push(``);
  }
  lines.push(`Features (${mission.features.length}):`, ...mission.features.map(id => `  - ${id}`));
  return lines.join(`\n`);
}
