// A real OpenID provider (oidc-provider, the certified Node implementation) for the single
// sign-on tests, run as its own Node process: the package is ES modules only, which Jest's
// CommonJS runtime does not load. Configured through the environment by oidc-provider.ts.
//
// Interactions: /interaction/<uid>?sub=&email=&groups=a,b signs in as that account (remembered
// for the ID token's claims; `sub` defaults to the address), without it a one-field form asks for
// the address (browser tests); any consent asked is granted.
import { createServer } from 'node:http';

import Provider from 'oidc-provider';

const { OIDC_PORT, OIDC_ISSUER, OIDC_CLIENT } = process.env;
const accounts = new Map();

const provider = new Provider(OIDC_ISSUER, {
  clients: [JSON.parse(OIDC_CLIENT)],
  async findAccount(_ctx, sub) {
    const account = accounts.get(sub);
    if (!account) {
      return undefined;
    }
    return {
      accountId: sub,
      claims: async () => ({
        sub,
        email: account.email,
        email_verified: true,
        groups: account.groups,
      }),
    };
  },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['groups'] },
  // The claims go into the ID token, as Entra ID puts them there.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  cookies: { keys: ['overleg-test-provider-cookie-key'] },
  pkce: { required: () => true },
});
provider.on('server_error', (_ctx, error) => console.error(error));

async function interaction(req, res, url) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    if (!url.searchParams.has('email')) {
      // A browser test's login form: the address is the account.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        '<!doctype html><title>Test provider</title><form method="get"><label>Account e-mail <input name="email"></label><button>Sign in at the provider</button></form>',
      );
      return;
    }
    const sub = url.searchParams.get('sub') ?? url.searchParams.get('email');
    accounts.set(sub, {
      email: url.searchParams.get('email'),
      groups: (url.searchParams.get('groups') ?? '').split(',').filter(Boolean),
    });
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: sub } },
      {
        mergeWithLastSubmission: false,
      },
    );
    return;
  }
  const missing = details.prompt.details;
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({
        accountId: details.session.accountId,
        clientId: details.params.client_id,
      });
  if (missing.missingOIDCScope) {
    grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  }
  if (missing.missingOIDCClaims) {
    grant.addOIDCClaims(missing.missingOIDCClaims);
  }
  const grantId = await grant.save();
  await provider.interactionFinished(
    req,
    res,
    { consent: { grantId } },
    {
      mergeWithLastSubmission: true,
    },
  );
}

const callback = provider.callback();
createServer((req, res) => {
  const url = new URL(req.url, OIDC_ISSUER);
  if (!url.pathname.startsWith('/interaction/')) {
    callback(req, res);
    return;
  }
  interaction(req, res, url).catch((error) => {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(String(error));
  });
}).listen(Number(OIDC_PORT), '127.0.0.1', () => console.log('listening'));
