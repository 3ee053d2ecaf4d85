#!/usr/bin/env node
// The npm registry mirror this project installs from lacks some platform-specific optional
// packages (e.g. @swc/core-darwin-arm64). npm then leaves them out of package-lock.json, and
// `npm ci` refuses the lock as out of sync. This adds a minimal optional entry for each missing
// optional dependency; npm skips such packages on platforms they are not for, or when they
// cannot be fetched, as it does for any optional dependency. Run after changing dependencies:
// `node scripts/complete-lockfile.js`.
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
let added = 0;
for (const [location, meta] of Object.entries(lock.packages)) {
  for (const [name, range] of Object.entries(meta.optionalDependencies ?? {})) {
    const nested = `${location ? `${location}/` : ''}node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (!lock.packages[nested] && !lock.packages[hoisted]) {
      lock.packages[hoisted] = { version: range.replace(/^[\^~]/, ''), optional: true };
      added++;
    }
  }
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
lock.packages = sorted;
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} optional lock entries`);
