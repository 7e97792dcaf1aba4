import type {Assertion} from './assertion.ts';
import type {MilestoneProfile} from './common.ts';
import type {Feature} from './feature.ts';
import type {Milestone, Mission} from './mission.ts';

/** A principle shown under `## Behavioral Principles`: a gate names the handoff field it requires. */
export interface PromptPrinciple {
  name: string;
  rule: string;
  gateField?: string;
  gateCheck?: string;
}

/** What a prior handoff for the same feature tells the next worker (reference-handoff §2.8). */
export interface PriorHandoff {
  id: string;
  mode: string;
  createdAt: string;
  summary: string;
  nextAction?: string;
  risks: string[];
  divergences: string[];
  causalDrivers: string[];
  blindSpot?: string;
  assumptions: string[];
  verificationResults: Array<{step: string; passed: boolean}>;
  completedWork: string[];
}

/** A done feature of the preceding milestone and the summary of its report. */
export interface PreviousOutput {
  featureId: string;
  title: string;
  summary: string;
}

export interface WorkerPromptInput {
  mission: Mission;
  milestone: Milestone;
  feature: Feature;
  /** Every feature of the mission (the feature itself is skipped in the sibling lists). */
  features: Feature[];
  /** Assertions of the mission; only the feature's own are shown. */
  assertions: Assertion[];
  /** The worker skill text for `feature.workerType`, verbatim. */
  skill: string;
  /** The `maestro:worker-base` skill text, shown as the handoff protocol. */
  workerBase?: string;
  /** Compiled memory guidance (markdown). */
  memory?: string;
  principles?: PromptPrinciple[];
  /** Newest first; at most 3 are shown. */
  handoffs?: PriorHandoff[];
  /** Output of the preceding milestone, shown for review profiles only. */
  previousOutput?: PreviousOutput[];
  /** ISO time for the `**Generated:**` line. */
  generatedAt: string;
}

const PHASE_INTENT: Partial<Record<MilestoneProfile, string>> = {
  planning: `You are producing a design or specification. Focus on architecture decisions, interface contracts, and identifying risks before implementation begins.`,
  'plan-review': `You are reviewing a plan. Evaluate completeness, feasibility, missed edge cases, and alignment with the mission objectives. Approve or request changes.`,
  implementation: `You are implementing features according to the plan. Focus on correctness, test coverage, and clean code.`,
  'code-review': `You are reviewing implementation quality. Check for correctness, security vulnerabilities, performance issues, and adherence to the plan. Approve or request changes.`,
  'bug-hunt': `You are hunting for bugs. Try to break the implementation through edge cases, unexpected inputs, race conditions, and integration failures.`,
  simplify: `You are simplifying. Reduce complexity, improve clarity, remove dead code, and consolidate abstractions without changing behavior.`,
  validation: `You are validating. Run checks, verify contracts, confirm assertions pass, and ensure the implementation meets acceptance criteria.`,
};

/** Profiles whose prompt shows what the preceding milestone produced (reference §6, item 6). */
export const REVIEW_PROFILES: readonly MilestoneProfile[] = [`plan-review`, `code-review`, `bug-hunt`, `simplify`, `validation`];

const NO_CONTENT = `_(no content)_`;
const SUMMARY_LIMIT = 600;
const MAX_HANDOFFS = 3;
const GENERATED_PREFIX = `**Generated:** `;

// Tags an injected text could use to pose as the harness; removed wherever untrusted text goes.
const ROLE_TAGS = /<\/?\s*(?:system|instructions|user-prompt|assistant)\b[^>]*>/gi;
// C0 controls and DEL, except tab, line feed and carriage return (lines are split on those).
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const BLOCK_START = /^(?:#+(?:\s|$)|[>*+-]\s|\d+[.)]\s|```|~~~|<!--|-->| {4})/;

/** Prefixes `\` to a line that would start a markdown block (heading, list, quote, fence, comment, code). */
export function escapeMarkdownBoundary(line: string): string {
  if (line.startsWith(`\t`)) return line.replace(/^\t+/, tabs => `\\t`.repeat(tabs.length));
  return BLOCK_START.test(line) ? `\\${line}` : line;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, `&amp;`).replace(/</g, `&lt;`).replace(/>/g, `&gt;`);
}

function lines(text: string): string[] {
  return text.replace(ROLE_TAGS, ``).replace(CONTROLS, ``).split(/\r?\n|\r/);
}

/** Untrusted text as one line: role tags and controls removed, lines joined by ` / `, HTML-escaped. */
export function inline(text: string | undefined): string {
  const kept = lines(text ?? ``).map(line => line.trim()).filter(line => line !== ``).map(escapeMarkdownBoundary);
  const joined = kept.join(` / `).replace(/\s+/g, ` `).trim();
  return joined === `` ? NO_CONTENT : escapeHtml(joined);
}

/** Untrusted text as a block inside `<tag>…</tag>`: lines kept, block starts escaped, HTML-escaped. */
export function wrap(text: string | undefined, tag: string): string {
  const kept = lines(text ?? ``);
  if (kept.every(line => line.trim() === ``)) return NO_CONTENT;
  return `<${tag}>\n${escapeHtml(kept.map(escapeMarkdownBoundary).join(`\n`).trim())}\n</${tag}>`;
}

/** A title for a heading line: unescaped, as the reference shows it, but on one line and without role tags. */
function oneLine(text: string): string {
  return text.replace(ROLE_TAGS, ``).replace(CONTROLS, ``).replace(/\s+/g, ` `).trim();
}

/**
 * The done features of the milestone just before `milestone` (largest `order` below it) with the
 * summaries of their reports; features without a report are left out.
 */
export function previousMilestoneOutput(milestones: Milestone[], milestone: Milestone, features: Feature[]): PreviousOutput[] {
  const previous = milestones.filter(m => m.order < milestone.order).sort((a, b) => b.order - a.order)[0];
  if (!previous) return [];
  return features.filter(f => f.milestoneId === previous.id && f.status === `done` && f.report).map(f => {
    const summary = f.report!.salientSummary || f.report!.whatWasImplemented || `(no summary)`;
    return {featureId: f.id, title: f.title, summary: summary.length > SUMMARY_LIMIT ? `${summary.slice(0, SUMMARY_LIMIT)}... [truncated]` : summary};
  });
}

/**
 * The worker prompt (reference §6): 18 sections in a fixed order, every piece of plan, report,
 * memory or handoff text passed through `inline` or `wrap`. Pure: the time comes in as
 * `generatedAt`, the skill texts as strings.
 */
export function buildWorkerPrompt(input: WorkerPromptInput): string {
  return [
    ...header(input), ...missionContext(input.mission), ...milestoneContext(input), ...siblings(input),
    ...assignment(input), ...memorySection(input.memory), ...principlesSection(input), ...replaySection(input.handoffs),
    ...block(`Skill Instructions`, `SKILL`, input.skill),
    ...(input.workerBase === undefined ? [] : block(`Handoff Protocol`, `HANDOFF PROTOCOL`, input.workerBase)),
    ...block(`Reply Contract`, `REPLY CONTRACT`, replyContract(input.mission.id, input.feature.id)),
    `---`, ``, `**Current Status:** ${input.feature.status}`, `${GENERATED_PREFIX}${input.generatedAt}`, ``,
    `When complete, use the Reply Contract above as the final handoff back to Maestro.`,
  ].join(`\n`) + `\n`;
}

/** The prompt without its `**Generated:**` line: two prompts that differ only in when they were made compare equal. */
export function promptContent(prompt: string): string {
  return prompt.split(`\n`).filter(line => !line.startsWith(GENERATED_PREFIX)).join(`\n`);
}

function header({mission, milestone, feature}: WorkerPromptInput): string[] {
  return [
    `# Worker Assignment: ${oneLine(feature.title)}`, ``,
    `**Feature ID:** ${feature.id}`, `**Worker Type:** ${feature.workerType}`,
    `**Mission:** ${mission.id} - ${oneLine(mission.title)}`, `**Milestone:** ${milestone.id} - ${oneLine(milestone.title)}`, ``,
  ];
}

function missionContext(mission: Mission): string[] {
  return [
    `## Mission Context`, ``, inline(mission.title), ``,
    ...(mission.description.trim() ? [`### Description`, ``, wrap(mission.description, `mission-description`), ``] : []),
  ];
}

function milestoneContext({milestone, previousOutput}: WorkerPromptInput): string[] {
  const intent = PHASE_INTENT[milestone.profile ?? `custom`];
  const showPrevious = milestone.profile !== undefined && REVIEW_PROFILES.includes(milestone.profile) && (previousOutput ?? []).length > 0;
  return [
    `## Milestone Context`, ``, `**${milestone.id}:** ${inline(milestone.title)}`,
    ...(milestone.kind ? [`**Kind:** ${milestone.kind}`] : []), ...(milestone.profile ? [`**Profile:** ${milestone.profile}`] : []),
    ...(milestone.description.trim() ? [``, inline(milestone.description)] : []), ``,
    ...(intent ? [`### Phase Intent`, ``, intent, ``] : []),
    ...(showPrevious ? [
      `### Previous Milestone Output`, ``, `The following features were completed in the preceding milestone:`, ``,
      ...previousOutput!.flatMap(p => [`#### ${p.featureId}: ${inline(p.title)}`, ``, wrap(p.summary, `previous-milestone-summary`), ``]),
    ] : []),
  ];
}

function siblings({feature, features}: WorkerPromptInput): string[] {
  const others = features.filter(f => f.id !== feature.id);
  const done = others.filter(f => f.status === `done`);
  const active = others.filter(f => f.status === `assigned` || f.status === `in-progress` || f.status === `review`);
  return [
    ...(done.length ? [`### Completed Features`, ``, ...done.map(f => `- ${f.id}: ${inline(f.title)}`), ``] : []),
    ...(active.length ? [`### In Progress Features`, ``, ...active.map(f => `- ${f.id}: ${inline(f.title)} (${f.status})`), ``] : []),
  ];
}

function assignment({feature, assertions}: WorkerPromptInput): string[] {
  const own = assertions.filter(a => a.featureId === feature.id);
  return [
    `## Feature Assignment`, ``, `### Description`, ``, wrap(feature.description, `feature-description`), ``,
    ...(feature.preconditions !== undefined ? [`### Preconditions`, ``, wrap(feature.preconditions, `preconditions`), ``] : []),
    ...(feature.expectedBehavior !== undefined ? [`### Expected Behavior`, ``, wrap(feature.expectedBehavior, `expected-behavior`), ``] : []),
    ...(feature.dependsOn.length ? [`### Dependencies`, ``, `This feature depends on the following features:`, ``, ...feature.dependsOn.map(id => `- ${id}`), ``] : []),
    `### Verification Steps`, ``, `Complete the following verification steps:`, ``,
    ...feature.verificationSteps.map((step, i) => `${i + 1}. ${inline(step)}`), ``,
    ...(own.length ? [`### Related Assertions`, ``, `This feature fulfills the following assertions:`, ``, ...own.map(a => `- **${a.id}** (${a.result}): ${inline(a.description)}`), ``] : []),
  ];
}

function memorySection(memory: string | undefined): string[] {
  if (memory === undefined || memory.trim() === ``) return [];
  return [
    `## Relevant Memory`, ``,
    `<!-- Auto-injected from the maestro memory system based on this feature's context. -->`,
    `<!-- These are rules and insights from prior sessions. Treat hard rules as non-negotiable. -->`, ``,
    wrap(memory, `memory-guidance`), ``,
  ];
}

function principlesSection({milestone, principles}: WorkerPromptInput): string[] {
  if (!milestone.profile || !principles?.length) return [];
  return [
    `## Behavioral Principles`, ``, `<!-- Principles for the ${milestone.profile} profile. A GATE is checked when you create a handoff. -->`, ``,
    ...principles.flatMap(p => p.gateField
      ? [`- **[GATE]** ${inline(p.name)}: ${inline(p.rule)}`, `  _Required handoff field:_ \`${oneLine(p.gateField).replace(/`/g, ``)}\`${p.gateCheck ? ` (${inline(p.gateCheck)})` : ``}`]
      : [`- [advisory] ${inline(p.name)}: ${inline(p.rule)}`]),
    ``,
  ];
}

function replaySection(handoffs: PriorHandoff[] | undefined): string[] {
  const shown = (handoffs ?? []).slice(0, MAX_HANDOFFS);
  if (shown.length === 0) return [];
  const list = (label: string, items: string[]) => (items.length ? [`**${label}:**`, ...items.map(item => `- ${inline(item)}`)] : []);
  return [
    `## Prior Session Replay`, ``,
    `<!-- Handoffs left by earlier sessions on this feature, newest first. -->`,
    `<!-- Resume from their state; do not redo completed work without a reason. -->`, ``,
    ...shown.flatMap(h => [
      `### Session ${inline(h.id)} (${inline(h.mode)}, ${inline(h.createdAt)})`, ``,
      `**Summary:** ${inline(h.summary)}`,
      ...(h.nextAction ? [`**Next action:** ${inline(h.nextAction)}`] : []),
      ...list(`Risks`, h.risks), ...list(`Divergences from plan`, h.divergences), ...list(`Causal drivers`, h.causalDrivers),
      ...(h.blindSpot ? [`**Blind spot:** ${inline(h.blindSpot)}`] : []),
      ...list(`Assumptions`, h.assumptions),
      ...(h.verificationResults.length ? [`**Verification results:**`, ...h.verificationResults.map(r => (r.passed ? `- [PASS] ${inline(r.step)}` : `- **[FAIL]** ${inline(r.step)}`))] : []),
      ...list(`Completed work`, h.completedWork), ``,
    ]),
  ];
}

function block(title: string, marker: string, text: string): string[] {
  return [`## ${title}`, ``, `<!-- BEGIN ${marker} -->`, ``, text.trim(), ``, `<!-- END ${marker} -->`, ``];
}

function replyContract(missionId: string, featureId: string): string {
  const feature = `maestro feature update ${featureId} --mission ${missionId}`;
  return [
    `Report back through maestro itself: its state lives on the git ref \`refs/maestro/main\`, so there is no reply file to write. Add \`--json\` to any command whose output you parse.`,
    ``,
    `1. Before you start: \`${feature} --status in-progress --json\``,
    `2. For each related assertion you checked: \`maestro validate update <assertion-id> --mission ${missionId} --result passed --evidence "<command run and what it showed>" --json\` (\`--result failed\` when it does not hold).`,
    `3. When the work is done and verified: \`${feature} --status review --report '{"salientSummary":"…","whatWasImplemented":"…","whatWasLeftUndone":"","verification":{"commandsRun":[{"command":"…","exitCode":0,"observation":"…"}],"interactiveChecks":[]},"tests":{"added":[]},"discoveredIssues":[]}' --json\` (or \`--report @report.json\`).`,
    `4. When you stop before it is done: attach a report without changing the status (\`${feature} --report '…' --json\`), saying in \`whatWasLeftUndone\` what remains, and leave a handoff for the next session (see the Handoff Protocol, \`maestro handoff create … --feature-id ${featureId} --mission-id ${missionId}\`).`,
    ``,
    `\`review\` means "finished, please check": a reviewer moves the feature to \`done\`, \`blocked\` or back to \`pending\`. Do not mark it \`done\` yourself. Its milestone can only be sealed once every related assertion has passed (or was waived), so record your results.`,
  ].join(`\n`);
}
