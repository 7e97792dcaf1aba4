import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {maestro, maestroJson, missionRepos} from '../helpers/missions.ts';

describe(`Relevant Memory in a worker prompt`, () => {
  const {withMission} = missionRepos();

  it(`carries the corrections recalled for the feature, hard ones always, and the compiled learnings`, async () => {
    const {repo, missionId} = await withMission();
    await maestro(repo, [`memory-correct`, `hash passwords with argon2`, `--keywords`, `auth,authentication,flow`]);
    await maestro(repo, [`memory-correct`, `never commit secrets`, `--severity`, `hard`]);
    await maestro(repo, [`memory-correct`, `format dates as ISO`, `--keywords`, `date,format`]);
    await maestro(repo, [`memory-learn`, `--content`, `the test db must be reset between suites`]);
    await maestro(repo, [`memory-compile`]);

    const {prompt} = await maestroJson(repo, [`feature`, `prompt`, `auth-impl`, `--mission`, missionId]);

    const memory = prompt.slice(prompt.indexOf(`## Relevant Memory`), prompt.indexOf(`## Skill Instructions`));
    assert.match(memory, /### Corrections \(2\)/);
    assert.match(memory, /\[soft\] hash passwords with argon2 _\(auth, authentication, flow\)_/);
    assert.match(memory, /\*\*\[HARD\]\*\* never commit secrets/);
    assert.ok(!memory.includes(`format dates`));
    assert.match(memory, /### Compiled Learnings[\s\S]*the test db must be reset between suites/);
  });
});
