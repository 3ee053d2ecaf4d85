import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

import { API_VERSION_HEADER, CURRENT_API_VERSION } from './api-version';
import { OPERATION_CATALOGUE } from './operation-catalogue';
import type { RouteAccess } from './route-access';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const MUTATING = new Set<string>(['put', 'post', 'delete', 'patch']);
export const BEARER_SCHEME = 'bearer';

/** The problem+json responses an operation may answer, one per status, with the codes a client may meet. */
export const ERROR_RESPONSES: Record<number, { name: string; description: string }> = {
  400: {
    name: 'BadRequest',
    description:
      'The request is malformed or has invalid fields (`request.validation_failed` with `errors[]`, `request.malformed`, `request.unstorable_text`, `pagination.limit_too_large`, `api.version_unsupported`, or a domain code).',
  },
  401: {
    name: 'Unauthorized',
    description:
      'No valid access token (`auth.unauthenticated`, `auth.invalid_token`, or a credential-specific `auth.*` code).',
  },
  403: {
    name: 'Forbidden',
    description:
      'The resource is visible to you but your role may not do this (`auth.permission_denied` or a domain code).',
  },
  404: {
    name: 'NotFound',
    description: 'The resource does not exist or is not visible to you (`<resource>.not_found`).',
  },
  409: {
    name: 'Conflict',
    description:
      'The change conflicts with the current state (`<resource>.version_conflict` for a stale `version`, or a domain code).',
  },
  422: {
    name: 'UnprocessableContent',
    description:
      'A rule of the domain refuses the request (a domain code), or an `Idempotency-Key` was reused with another body (`idempotency.key_reused`).',
  },
  429: {
    name: 'TooManyRequests',
    description:
      'Too many attempts (`auth.too_many_attempts`, `auth.account_locked`); see `Retry-After`.',
  },
  502: {
    name: 'BadGateway',
    description:
      "An organisation's identity provider cannot be used (`sso.provider_unavailable`, `sso.issuer_mismatch`).",
  },
  503: { name: 'ServiceUnavailable', description: 'Not ready to serve (`service.unavailable`).' },
};

const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'RFC 9457 problem details with a stable `code` (`<area>.<snake_reason>`).',
  required: ['type', 'title', 'status', 'detail', 'code', 'instance'],
  properties: {
    type: { type: 'string', example: 'urn:overleg:problem:case.version_conflict' },
    title: { type: 'string', example: 'Conflict' },
    status: { type: 'integer', example: 409 },
    detail: { type: 'string' },
    code: { type: 'string', example: 'case.version_conflict' },
    instance: { type: 'string', example: '/cases/5a0c…' },
    correlationId: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: {
          path: { type: 'string' },
          message: { type: 'string' },
          constraint: {
            type: 'string',
            description:
              "The failed constraint (`isNotEmpty`, `maxLength`, …), for a message in the reader's language.",
            example: 'maxLength',
          },
          args: {
            type: 'array',
            description: "The constraint's limits, e.g. `[300]` for `maxLength`.",
            items: { oneOf: [{ type: 'string' }, { type: 'number' }] },
          },
        },
      },
    },
  },
  additionalProperties: true,
};

/** The error statuses a route can answer, derived from its shape and its access decision. */
export function errorStatusesOf(
  method: string,
  operation: OperationObject,
  access: RouteAccess,
  extra: readonly number[],
): number[] {
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  const statuses = new Set<number>(extra);
  if (parameters.length > 0 || operation.requestBody) {
    statuses.add(400); // the global validation pipe
  }
  if (access.kind !== 'public') {
    statuses.add(401); // the global guard
  }
  if (access.kind === 'permission') {
    statuses.add(403); // the role lacks the permission, or a policy refuses a visible resource
  }
  if (parameters.some((p) => p.in === 'path')) {
    statuses.add(404); // unknown or invisible: both answer 404
  }
  if (MUTATING.has(method) && access.kind !== 'public') {
    statuses.add(409);
    statuses.add(422);
  }
  return [...statuses].sort((a, b) => a - b);
}

/**
 * Completes the document @nestjs/swagger builds: stable operation ids and summaries from the
 * catalogue, the handler's doc comment as its description plus who may call it, `security` on
 * every operation (`[]` on public ones), and the problem+json error responses it may answer.
 * Throws for a route without a catalogue entry or an access decision, so none goes undocumented.
 */
export function completeDocument(
  document: OpenAPIObject,
  accessByOperationId: ReadonlyMap<string, RouteAccess>,
): OpenAPIObject {
  const seenIds = new Set<string>();
  // Every undocumented route at once, so a merge that adds several fixes them in one go.
  const missing: string[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) {
        continue;
      }
      const route = `${method.toUpperCase()} ${path}`;
      const entry = OPERATION_CATALOGUE.get(route);
      const access = accessByOperationId.get(operation.operationId ?? '');
      if (!entry || !access) {
        missing.push(
          `${route} needs ${entry ? 'an access decision' : 'an entry in apps/api/src/bootstrap/operation-catalogue.ts'}`,
        );
        continue;
      }
      if (seenIds.has(entry.id)) {
        throw new Error(`operation id ${entry.id} is used twice`);
      }
      seenIds.add(entry.id);
      // The swagger plugin puts the handler's doc comment into `summary`; it is the longer text.
      const explanation = operation.summary ? `${operation.summary}\n\n` : '';
      operation.operationId = entry.id;
      operation.summary = entry.summary;
      operation.description = `${explanation}${accessSentence(access)}`;
      operation.security = access.kind === 'public' ? [] : [{ [BEARER_SCHEME]: [] }];
      if (isIdempotentCreate(method, operation, access)) {
        operation.parameters = [...(operation.parameters ?? []), IDEMPOTENCY_KEY_PARAMETER];
      }
      for (const status of errorStatusesOf(method, operation, access, entry.extraErrors)) {
        operation.responses[String(status)] = {
          $ref: `#/components/responses/${ERROR_RESPONSES[status].name}`,
        } satisfies ReferenceObject;
      }
    }
  }
  if (missing.length > 0) {
    throw new Error(missing.join('\n'));
  }
  for (const entry of OPERATION_CATALOGUE.keys()) {
    const [method, path] = entry.split(' ');
    if (!document.paths[path]?.[method.toLowerCase() as (typeof METHODS)[number]]) {
      throw new Error(`operation-catalogue.ts lists ${entry}, which is no route`);
    }
  }
  const components = (document.components ??= {});
  components.schemas = { ...components.schemas, Problem: PROBLEM_SCHEMA };
  components.responses = Object.fromEntries(
    Object.values(ERROR_RESPONSES).map(({ name, description }): [string, ResponseObject] => [
      name,
      {
        description,
        content: {
          'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
        },
      },
    ]),
  );
  fixNullableOneOf(components.schemas);
  document.servers = [{ url: '/', description: 'This server' }];
  document.info.description =
    `${document.info.description ?? ''}\n\n` +
    `Every response carries \`${API_VERSION_HEADER}: ${CURRENT_API_VERSION}\`; a request may send the same header to pin the version ` +
    'it was written against (an unsupported one answers 400 `api.version_unsupported`). Errors are `application/problem+json` with a stable `code`.';
  return document;
}

/** The creating POSTs the idempotency interceptor (@wc/idempotency) serves: 201, JSON body, logged in. */
function isIdempotentCreate(
  method: string,
  operation: OperationObject,
  access: RouteAccess,
): boolean {
  const body = operation.requestBody as { content?: Record<string, unknown> } | undefined;
  return (
    method === 'post' &&
    '201' in operation.responses &&
    access.kind !== 'public' &&
    !body?.content?.['multipart/form-data']
  );
}

const IDEMPOTENCY_KEY_PARAMETER: ParameterObject = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Makes the create safe to retry: within 24 hours the same key and request return the first response (with `Idempotent-Replayed: true`); ' +
    'the same key with another request answers 422 `idempotency.key_reused`. Keys are per user, 1 to 255 characters.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};

function accessSentence(access: RouteAccess): string {
  switch (access.kind) {
    case 'public':
      return 'Public: no access token needed.';
    case 'authenticated':
      return 'Any logged-in user.';
    case 'permission':
      return `Requires the permission \`${access.permission}\`; what you may not see answers 404.`;
  }
}

/**
 * The swagger plugin writes `nullable` beside a `oneOf` without a `type`, which OpenAPI 3.0 does
 * not define; the nullability belongs on each alternative.
 */
function fixNullableOneOf(
  schemas: Record<string, SchemaObject | ReferenceObject> | undefined,
): void {
  const visit = (schema: unknown): void => {
    if (!schema || typeof schema !== 'object') {
      return;
    }
    const s = schema as SchemaObject & Record<string, unknown>;
    if (s.nullable && !s.type && Array.isArray(s.oneOf)) {
      delete s.nullable;
      s.oneOf = s.oneOf.map((alternative) =>
        '$ref' in alternative
          ? { allOf: [alternative], nullable: true }
          : { ...alternative, nullable: true },
      );
    }
    Object.values(s).forEach(visit);
  };
  Object.values(schemas ?? {}).forEach(visit);
}
