/**
 * A duration of whole seconds in its largest unit, rounded down: `42s`, `5m`, `3h`, `2d`. The one age
 * format of human output: `maestro status`, Mission Control and the task hints all print it.
 */
export function formatAge(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86400)}d`;
}
