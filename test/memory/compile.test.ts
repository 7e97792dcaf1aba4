import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {compileMemory, deriveKeywords, recall, type Correction, type MemoryEntry} from '../../lib/domain/memory.ts';

const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();

/** 200 distinct entries (150 corrections, 50 learnings), then planted duplicates of a few. */
function fixture(): {entries: MemoryEntry[]; planted: Map<string, string[]>} {
  const entries: MemoryEntry[] = [];
  for (let i = 0; i < 200; i++) {
    const kind = i < 150 ? `correction` as const : `learning` as const;
    entries.push({id: `e${String(i).padStart(3, `0`)}`, kind, text: `rule about q${i}alpha q${i}beta q${i}gamma`, severity: i % 7 === 0 ? `hard` : `soft`,
      keywords: kind === `correction` ? [`q${i}alpha`] : [], fileGlobs: [], agent: `agent-${i % 3}`, at: at(i)});
  }
  const copy = (id: string, i: number, text: string, agent: string): MemoryEntry => ({...entries[i]!, id, text, agent, at: at(300 + entries.length)});
  entries.push(copy(`f001`, 10, `Rule about Q10alpha, q10beta q10gamma!`, `codex`));
  entries.push(copy(`f002`, 10, `rule about q10alpha q10beta q10gamma`, `claude-code`));
  entries.push(copy(`f003`, 20, `rule about q20alpha q20beta q20gamma carefully`, `gemini`));
  entries.push(copy(`f004`, 160, `rules about q160alpha q160beta q160gamma`, `codex`));
  const planted = new Map([[`e010`, [`e010`, `f001`, `f002`]], [`e020`, [`e020`, `f003`]], [`e160`, [`e160`, `f004`]]]);
  return {entries, planted};
}

describe(`compileMemory`, () => {
  it(`groups the planted duplicates and near-duplicates, keeping every other entry alone`, () => {
    const {entries, planted} = fixture();

    const compiled = compileMemory(entries);

    assert.equal(compiled.rules.length, 200);
    for (const [id, members] of planted) assert.deepEqual(compiled.rules.find(r => r.id === id)?.entries, members);
    assert.ok(compiled.rules.filter(r => !planted.has(r.id)).every(r => r.count === 1));
  });

  it(`keeps the provenance of a compiled rule: entries, agents, first and last time`, () => {
    const {entries} = fixture();

    const rule = compileMemory(entries).rules.find(r => r.id === `e010`)!;

    assert.deepEqual(rule.agents, [`agent-1`, `claude-code`, `codex`]);
    assert.equal(rule.firstAt, at(10));
    assert.equal(rule.count, 3);
    assert.equal(rule.kind, `correction`);
  });

  it(`ranks hard rules first, then by frequency, then by recency`, () => {
    const {entries} = fixture();

    const rules = compileMemory(entries).rules;

    assert.equal(rules[0]!.severity, `hard`);
    const firstSoft = rules.findIndex(r => r.severity === `soft`);
    assert.ok(rules.slice(firstSoft).every(r => r.severity === `soft`));
    assert.equal(rules[firstSoft]!.id, `e010`);
    assert.equal(rules[firstSoft + 1]!.id, `e160`);
  });

  it(`gives the same result whatever the order of the entries, stamped with the newest entry's time`, () => {
    const {entries} = fixture();

    const [a, b] = [compileMemory(entries), compileMemory([...entries].reverse())];

    assert.deepEqual(a, b);
    assert.equal(a.compiledAt, at(503));
  });

  it(`does not merge a rule with its negation`, () => {
    const base = {kind: `correction` as const, severity: `soft` as const, keywords: [`npm`], fileGlobs: [], agent: `a`, at: at(0)};

    const compiled = compileMemory([{...base, id: `a`, text: `use npm for installs`}, {...base, id: `b`, text: `never use npm for installs`}]);

    assert.equal(compiled.rules.length, 2);
  });
});

describe(`recall and keywords`, () => {
  const correction = (id: string, rule: string, keywords: string[], severity: `soft` | `hard` = `soft`): Correction => ({
    id, rule, source: rule, trigger: {keywords, fileGlobs: []}, severity, createdAt: at(Number(id.slice(1))), updatedAt: at(0),
  });

  it(`ranks the correction whose keywords the task names first, with hard ones always included`, () => {
    const noise = Array.from({length: 30}, (_, i) => correction(`c${i + 10}`, `noise ${i}`, [`noise${i}`, `install`, `zz${i}`, `yy${i}`]));
    const planted = correction(`c1`, `hash passwords with argon2`, [`password`, `hash`, `argon2`]);
    const hard = correction(`c2`, `never commit secrets`, [`secret`], `hard`);

    const found = recall([...noise, hard, planted], `hash the user password with argon2 on install`, []);

    assert.equal(found[0]!.correction.id, `c1`);
    assert.ok(found.some(r => r.correction.id === `c2`));
  });

  it(`derives keywords from a rule's words, leaving out stop words and negations`, () => {
    assert.deepEqual(deriveKeywords(`Use bun, not npm, for the package install`), [`bun`, `npm`, `package`, `install`]);
  });
});
