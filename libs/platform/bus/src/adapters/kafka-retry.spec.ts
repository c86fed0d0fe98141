import { KafkaJSError, KafkaJSNonRetriableError, KafkaJSProtocolError } from 'kafkajs';
import { whileRetriable } from './kafka-retry';

const notLeader = () =>
  new KafkaJSProtocolError(
    Object.assign(new Error('This server is not the leader for that topic-partition'), {
      type: 'NOT_LEADER_FOR_PARTITION',
      code: 6,
      retriable: true,
    }),
  );

describe('whileRetriable', () => {
  it('asks again after an error kafkajs marks retriable and answers what the next attempt gives', async () => {
    let attempts = 0;
    const answer = await whileRetriable(async () => {
      attempts += 1;
      if (attempts < 3) throw notLeader();
      return 'offsets';
    });
    expect([answer, attempts]).toEqual(['offsets', 3]);
  });

  it('passes on an error that is not retriable at once', async () => {
    let attempts = 0;
    const failing = whileRetriable(async () => {
      attempts += 1;
      throw new KafkaJSNonRetriableError('group authorization failed');
    });
    await expect(failing).rejects.toThrow('group authorization failed');
    expect(attempts).toBe(1);
  });

  it('gives up with the last error once the deadline has passed', async () => {
    let attempts = 0;
    const failing = whileRetriable(async () => {
      attempts += 1;
      throw notLeader();
    }, 300);
    await expect(failing).rejects.toBeInstanceOf(KafkaJSError);
    expect(attempts).toBeGreaterThan(1);
    expect(attempts).toBeLessThan(10);
  });
});
