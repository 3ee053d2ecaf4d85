import {
  type CanActivate,
  type ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';

const JSON_TYPES = ['application/json', 'application/*+json'];
const MULTIPART = 'multipart/form-data';
/** Where @ApiConsumes() keeps its types (@nestjs/swagger's API_CONSUMES, not exported). */
const API_CONSUMES = 'swagger/apiConsumes';

/** As type-is decides it: a body is announced by Transfer-Encoding or a non-zero Content-Length. */
const hasBody = (req: Request) =>
  req.headers['transfer-encoding'] !== undefined ||
  (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');

const unsupported = () =>
  new HttpException('Send the body as application/json.', HttpStatus.UNSUPPORTED_MEDIA_TYPE);

/**
 * The API speaks JSON: a body of any other type is refused with 415 before any guard or parser
 * sees it. Without this, Nest's default form parser turns an `application/x-www-form-urlencoded`
 * post (which any web page can send cross-site without a preflight) into a request body.
 * Multipart passes here; RefuseUndeclaredMultipart admits it only where an upload is declared.
 */
export function refuseNonJsonBodies(req: Request, _res: Response, next: NextFunction): void {
  if (hasBody(req) && !req.is([...JSON_TYPES, MULTIPART])) {
    next(unsupported());
    return;
  }
  next();
}

/**
 * Multipart only on routes that document it (`@ApiConsumes('multipart/form-data')`: the uploads).
 * A global guard, so it runs before the route's own guards (the login guard reads the body).
 */
@Injectable()
export class RefuseUndeclaredMultipart implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() === 'http') {
      const req = context.switchToHttp().getRequest<Request>();
      if (hasBody(req) && req.is(MULTIPART)) {
        const consumes =
          this.reflector.getAllAndOverride<string[] | undefined>(API_CONSUMES, [
            context.getHandler(),
            context.getClass(),
          ]) ?? [];
        if (!consumes.includes(MULTIPART)) {
          throw unsupported();
        }
      }
    }
    return true;
  }
}
