/** Where each entity of a mission lives in the state tree (DESIGN.md, "Tree of refs/maestro/main"). */
export const missionsDir = `missions`;
export const missionDir = (missionId: string) => `missions/${missionId}`;
export const missionPath = (missionId: string) => `missions/${missionId}/mission.json`;
export const milestonesDir = (missionId: string) => `missions/${missionId}/milestones`;
export const milestonePath = (missionId: string, milestoneId: string) => `missions/${missionId}/milestones/${milestoneId}.json`;
export const featuresDir = (missionId: string) => `missions/${missionId}/features`;
export const featurePath = (missionId: string, featureId: string) => `missions/${missionId}/features/${featureId}.json`;
export const assertionsDir = (missionId: string) => `missions/${missionId}/assertions`;
export const assertionPath = (missionId: string, assertionId: string) => `missions/${missionId}/assertions/${assertionId}.json`;
export const workerDir = (missionId: string, featureId: string) => `missions/${missionId}/workers/${featureId}`;
/** The worker report of a feature, kept beside its prompt. */
export const reportPath = (missionId: string, featureId: string) => `${workerDir(missionId, featureId)}/report.json`;
