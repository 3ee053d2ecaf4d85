require('@swc-node/register');
require('tsconfig-paths/register');
module.exports = require('../libs/testing/src/global-teardown').default;
