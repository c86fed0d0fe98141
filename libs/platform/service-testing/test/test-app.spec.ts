import { ROLES } from '@bildungsregion/application';
import { DEVELOPMENT_SECRET, TokenVerifier } from '@bildungsregion/http';
import { tokens } from '../src';

describe('test tokens', () => {
  it('are signed with the development secret the services accept, one for every role', async () => {
    const verifier = new TokenVerifier({
      secret: DEVELOPMENT_SECRET,
      issuer: 'bildungsregion',
      audience: 'bildungsregion',
    });
    const issued = await tokens();
    const principals = await Promise.all(
      [issued.coordinator, issued.auditor, issued.admin, await issued.actor('stadt-bramsche')].map((token) =>
        verifier.verify(token),
      ),
    );
    expect(principals.map((principal) => principal.role).sort()).toEqual([...ROLES].sort());
    expect(principals.find((principal) => principal.role === 'actor')?.id).toBe('stadt-bramsche');
    await expect(
      new TokenVerifier({
        secret: 'another-secret-of-32-characters!!',
        issuer: 'bildungsregion',
        audience: 'bildungsregion',
      }).verify(issued.admin),
    ).rejects.toThrow();
  });
});
