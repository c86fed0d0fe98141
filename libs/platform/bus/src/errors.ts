/** A publish was refused because an event does not match its contract; nothing was published. */
export class InvalidIntegrationEventError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`refused to publish: ${problems.join(' | ')}`);
    this.name = 'InvalidIntegrationEventError';
  }
}
