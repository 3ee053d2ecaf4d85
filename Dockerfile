# The production image, one for both apps (docker-compose.yml picks the command).
# Node 24 is the active LTS line (Node 20 reached its end of life in April 2026).
ARG NODE_IMAGE=node:24-bookworm-slim

# 1. Build: every dependency, the web app and the TypeScript → dist/.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN node -r @swc-node/register scripts/build-web.ts \
 && npx tsc -p tsconfig.build.json \
 && mkdir -p dist/apps/web \
 && cp -r apps/web/dist dist/apps/web/dist

# 2. Production dependencies only (no TypeScript, SWC, Jest, Vite, pino-pretty).
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 3. Run: compiled JavaScript as the unprivileged `node` user.
FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    TS_NODE_PROJECT=tsconfig.runtime.json \
    DATA_DIR=/data \
    PORT=3000
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root package.json tsconfig.runtime.json ./
# Code stays root's (read-only for the app); only the data directory is the app's.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
# Ready = the database answers with the current schema (and Redis, when configured); slim has no curl.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "-r", "tsconfig-paths/register", "dist/apps/api/src/main.js"]
