import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandRejectedError, NotFoundError } from '@bildungsregion/application';
import { SealVerification } from '@bildungsregion/event-store';
import { ApiResult, ProblemError, Roles } from '@bildungsregion/http';
import { z } from 'zod';
import { SealKeeper } from './seals';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const SealSummary = z.object({
  service: z.string(),
  sequence: z.int().min(1),
  sealedAt: z.string(),
  globalPosition: z.int().min(0),
  streamCount: z.int().min(0),
  eventCount: z.int().min(0),
  previousSealHash: sha256,
  keyId: sha256,
});
const head = z.object({ streamId: z.string() });
const SealVerificationResult = z.looseObject({
  valid: z.boolean(),
  seal: z.looseObject({
    sequence: z.int(),
    sealedAt: z.string(),
    globalPosition: z.int(),
    signatureValid: z.boolean(),
  }),
  streamsChecked: z.int().min(0),
  eventsChecked: z.int().min(0),
  missingStreams: z.array(z.string()),
  truncatedStreams: z.array(head.extend({ sealedLength: z.int(), length: z.int() })),
  rewrittenStreams: z.array(head.extend({ revision: z.int(), sealedHash: z.string(), storedHash: z.string() })),
  brokenChains: z.array(z.looseObject({ streamId: z.string(), revision: z.int() })),
  positionGaps: z.array(z.object({ after: z.int(), next: z.int() })),
  eventsAfterSeal: z.int().min(0),
});

/** The store's seals: check the store against the latest published one, seal now, and the key that signs them. */
@ApiTags('audit')
@Controller('audit')
export class SealsController {
  constructor(@Inject(SealKeeper) private readonly seals: SealKeeper) {}

  @Get('seal')
  @Roles('auditor', 'admin')
  @ApiOperation({
    summary: 'Check the whole store against the latest published seal',
    description:
      'The seal is read from the bus, never from the store it vouches for. Reports a bad signature, deleted streams, ' +
      'truncated streams, history rewritten before the seal, broken chains and gaps in the global positions; events ' +
      'recorded after the seal are counted but no seal vouches for them yet.',
  })
  @ApiResult(SealVerificationResult)
  async verify(): Promise<SealVerification> {
    const result = await this.seals.verify();
    if (!result)
      throw new NotFoundError('No seal has been published yet; POST /audit/seals makes one.', 'no-seal', 'No seal yet');
    return result;
  }

  @Post('seals')
  @HttpCode(201)
  @Roles('auditor', 'admin')
  @ApiOperation({
    summary: 'Seal the store now',
    description: 'Refused (409) while a stream fails verification, so no seal vouches for tampered history.',
  })
  @ApiResult(SealSummary, { status: 201 })
  @ApiConflictResponse({ description: 'A stream fails verification.' })
  async seal(): Promise<z.output<typeof SealSummary>> {
    try {
      const { streams: _streams, signature: _signature, ...summary } = await this.seals.seal();
      return summary;
    } catch (error) {
      if (error instanceof CommandRejectedError) throw error;
      throw new ProblemError(
        503,
        'seal-not-published',
        'Seal not published',
        `The seal could not be published on the bus: ${(error as Error).message}`,
        {},
        { 'Retry-After': '30' },
      );
    }
  }

  @Get('seal-key')
  @Roles('auditor', 'admin')
  @ApiOperation({
    summary: 'The public key seals are signed with',
    description: 'For convenience; an auditor should get the key from the operator, not from the service it checks.',
  })
  @ApiResult(z.object({ keyId: sha256, publicKey: z.string() }))
  key(): { keyId: string; publicKey: string } {
    return { keyId: this.seals.keyId, publicKey: this.seals.publicKeyPem };
  }
}
