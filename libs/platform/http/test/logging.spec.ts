import { Controller, Get, INestApplication, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { Writable } from 'node:stream';
import request from 'supertest';
import { loggingModule } from '../src';

@Controller()
class ProbeController {
  private readonly logger = new Logger('Probe');

  @Get('probe')
  probe(): { ok: true } {
    this.logger.log('handling the probe');
    return { ok: true };
  }
}

describe('request logging', () => {
  const lines: Record<string, unknown>[] = [];
  let app: INestApplication;

  beforeAll(async () => {
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(
          ...chunk
            .toString()
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line) as Record<string, unknown>),
        );
        done();
      },
    });
    @Module({ imports: [loggingModule('probe', 'info', destination)], controllers: [ProbeController] })
    class ProbeModule {}
    app = await NestFactory.create(ProbeModule, { bufferLogs: true });
    app.useLogger(app.get(PinoLogger));
    await app.init();
    app.flushLogs();
  });

  afterAll(() => app.close());

  it('puts the caller’s correlation id on every line of the request and echoes it', async () => {
    const response = await request(app.getHttpServer())
      .get('/probe')
      .set('X-Correlation-Id', 'anfrage-17')
      .set('Authorization', 'Bearer secret-token')
      .expect(200);
    expect(response.headers['x-correlation-id']).toBe('anfrage-17');
    const ofRequest = lines.filter((line) => line['correlationId'] === 'anfrage-17');
    expect(ofRequest.map((line) => line['msg'])).toEqual(['handling the probe', 'request completed']);
    expect(ofRequest[1]).toMatchObject({
      name: 'probe',
      req: { method: 'GET', url: '/probe' },
      res: { statusCode: 200 },
    });
    expect(JSON.stringify(lines)).not.toContain('secret-token');
  });

  it('makes up a correlation id when none or an unusable one is sent', async () => {
    const response = await request(app.getHttpServer())
      .get('/probe')
      .set('X-Correlation-Id', 'no spaces {allowed}')
      .expect(200);
    expect(response.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.some((line) => line['correlationId'] === response.headers['x-correlation-id'])).toBe(true);
  });
});
