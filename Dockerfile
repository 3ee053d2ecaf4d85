# One image for both apps; docker-compose.yml picks the entry point.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
# The web app is built into the image; apps/api serves it.
RUN node -r @swc-node/register scripts/build-web.ts
ENV NODE_ENV=production
EXPOSE 3000
CMD ["node", "-r", "@swc-node/register", "-r", "tsconfig-paths/register", "apps/api/src/main.ts"]
