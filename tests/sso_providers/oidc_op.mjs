// The tests' OpenID provider: npm oidc-provider 9 (OpenID-certified), on loopback.
//
// Started and stopped by tests/sso_providers/oidc.py with one argument, a JSON
// file: {port, client_id, client_secret, redirect_uris, post_logout_redirect_uris,
// accounts: {id: claims}, jwk: the private signing key, cookie_key}.
//
// devInteractions is the login screen: any account id from `accounts`, any
// password. Consent is granted without asking, as a city's own app would be.
// employee_number and groups come with the openid scope, as Entra ID's optional
// and group claims come without a scope of their own.
//
// Test-only control endpoint: POST /_test/next {"id_token": {...}, "userinfo":
// {...}} merges those claims into the NEXT token response's id_token (re-signed
// with this provider's own key, so the claim is the only fault) and the NEXT
// userinfo answer. Never part of a real provider.

import { readFileSync } from 'node:fs';

import { CompactSign, decodeJwt, decodeProtectedHeader, importJWK } from 'jose';
import Provider from 'oidc-provider';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const issuer = `http://127.0.0.1:${config.port}`;
const signingKey = await importJWK(config.jwk, config.jwk.alg);
const next = { id_token: null, userinfo: null };

const provider = new Provider(issuer, {
  clients: [{
    client_id: config.client_id,
    client_secret: config.client_secret,
    redirect_uris: config.redirect_uris,
    post_logout_redirect_uris: config.post_logout_redirect_uris,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  jwks: { keys: [config.jwk] },
  cookies: { keys: [config.cookie_key] },
  pkce: { required: () => true },
  claims: {
    openid: ['sub', 'employee_number', 'groups'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name'],
  },
  async findAccount(ctx, id) {
    const claims = config.accounts[id];
    if (!claims) return undefined;
    return { accountId: id, async claims() { return { ...claims, sub: id }; } };
  },
  async loadExistingGrant(ctx) {
    const { client, session, result } = ctx.oidc;
    const grantId = result?.consent?.grantId || session.grantIdFor(client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: client.clientId, accountId: session.accountId,
    });
    grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(' '));
    await grant.save();
    return grant;
  },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: { enabled: true },
  },
});

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

async function resigned(idToken, claims) {
  const header = decodeProtectedHeader(idToken);
  const payload = { ...decodeJwt(idToken), ...claims };
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader(header)
    .sign(signingKey);
}

provider.use(async (ctx, nextMiddleware) => {
  if (ctx.path === '/_test/next' && ctx.method === 'POST') {
    Object.assign(next, await readJson(ctx.req));
    ctx.status = 204;
    return;
  }
  await nextMiddleware();
  if (ctx.path === '/token' && ctx.status === 200 && next.id_token && ctx.body?.id_token) {
    ctx.body = { ...ctx.body, id_token: await resigned(ctx.body.id_token, next.id_token) };
    next.id_token = null;
  }
  if (ctx.path === '/me' && ctx.status === 200 && next.userinfo && ctx.body) {
    ctx.body = { ...ctx.body, ...next.userinfo };
    next.userinfo = null;
  }
});

provider.listen(config.port, '127.0.0.1');
