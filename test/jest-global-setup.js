// Jest runs global setup with plain Node `require`, without its module mapper; @swc-node/register
// compiles the TypeScript and resolves the tsconfig `@wc/*` paths.
require('@swc-node/register');
require('tsconfig-paths/register');
module.exports = require('../libs/testing/src/global-setup').default;
