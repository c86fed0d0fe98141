import { z } from 'zod';
import { IntegrationEvent, IntegrationEventContract, integrationEventEnvelopeSchema } from './integration-event';
import { integrationEventContracts } from './contracts';

export type ValidationResult =
  | { readonly ok: true; readonly event: IntegrationEvent; readonly contract: IntegrationEventContract }
  | { readonly ok: false; readonly error: string };

const byType = new Map(integrationEventContracts.map((contract) => [contract.type, contract]));

export function contractOf(type: string): IntegrationEventContract | undefined {
  return byType.get(type);
}

/**
 * Checks an integration event against its contract and the topic it travels on. The error names
 * every field that is wrong, so a dead letter explains itself.
 */
export function validateIntegrationEvent(candidate: unknown, topic: string): ValidationResult {
  const envelope = integrationEventEnvelopeSchema.safeParse(candidate);
  if (!envelope.success) return { ok: false, error: `invalid envelope: ${describe(envelope.error)}` };
  const contract = byType.get(envelope.data.type);
  if (!contract) return { ok: false, error: `unknown event type ${envelope.data.type}` };
  if (contract.topic !== topic) {
    return { ok: false, error: `${contract.type} belongs on ${contract.topic}, not on ${topic}` };
  }
  const data = contract.schema.safeParse(envelope.data.data);
  if (!data.success) return { ok: false, error: `invalid ${contract.type} data: ${describe(data.error)}` };
  return { ok: true, event: { ...envelope.data, data: data.data }, contract };
}

function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
