/** Every goal is one stream, `goal-<goal id>`; the category `goal` selects them all. */
export const GOAL_CATEGORY = 'goal';

export function goalStreamId(goalId: string): string {
  return `${GOAL_CATEGORY}-${goalId}`;
}

export function goalIdOf(streamId: string): string {
  return streamId.slice(GOAL_CATEGORY.length + 1);
}
