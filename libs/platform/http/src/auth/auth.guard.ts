import {
  applyDecorators,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ProblemError } from '../problems';
import { Principal, Role } from '@bildungsregion/application';
import { InvalidTokenError, TokenVerifier } from './tokens';

const ROLES_KEY = 'bildungsregion:roles';
const PUBLIC_KEY = 'bildungsregion:public';

/** The roles that may call a route; every other route that is not public is refused. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Marks public operations in the OpenAPI document, which then documents them without security. */
export const PUBLIC_EXTENSION = 'x-public';

/** A route anyone may call without a token (health, metrics, docs). */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension(PUBLIC_EXTENSION, true));

type AuthenticatedRequest = Request & { principal?: Principal };

export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without authentication.');
  return principal;
});

function unauthorized(detail: string): ProblemError {
  return new ProblemError(401, 'unauthorized', 'Unauthorized', detail, {}, { 'WWW-Authenticate': 'Bearer' });
}

/** Bearer-token authentication and role-based authorisation for every route; deny by default. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
    if (!token)
      throw unauthorized(
        'Send a bearer token in the Authorization header (npm run -s token -- --role coordinator prints one for development).',
      );
    try {
      request.principal = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw unauthorized(error.message);
      throw error;
    }
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (!allowed.includes(request.principal.role)) {
      throw new ProblemError(
        403,
        'forbidden',
        'Forbidden',
        `The role ${request.principal.role} may not do this; it needs one of: ${allowed.join(', ') || 'none'}.`,
      );
    }
    return true;
  }
}
