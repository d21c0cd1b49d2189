# k8s-quiz: the compiled bot on Node 20, production dependencies only, run as a non-root user.
# Build:  docker build -t k8s-quiz .
# Run:    docker run --env-file .env -p 3000:3000 k8s-quiz   (or `docker compose up`)
# The image has no redis-server: REDIS_URL must name your Redis. test/image/replay.test.ts
# replays this file's stages (COPY, RUN, ENV, USER, CMD, HEALTHCHECK) without a Docker engine,
# so a change here is tested there.

# --- build: every dependency, TypeScript compiled to dist/
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
# The build compiles the question bank too (dist/content/bank.json: loaded without parsing).
COPY content ./content
RUN npm run build

# --- deps: production dependencies only (no compiler, no content-check tooling)
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# --- runtime
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
ENV PORT=3000
# The app's files stay owned by root, read-only to the bot: logs go to stdout, data to
# REDIS_URL (the weekly chart uses /tmp when it can), so readOnlyRootFilesystem works.
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY content ./content
COPY config ./config
# uid 1000 is the image's `node` user; numeric, so Kubernetes' runAsNonRoot can check it.
USER 1000:1000
EXPOSE 3000
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 CMD ["node", "dist/healthcheck.js"]
# --optimize-for-size: V8 favours memory over speed; this bot waits on the network, and it
# saves ~30 MB at start and under load (bench/memory.ts). --interrupt-budget (8× Node 20's
# default of 67584): a function is optimised only after 8× as much work, so a burst of
# presses is not spent compiling the short paths it runs (bench/discord-press.ts: 0.48–0.51
# → 0.35–0.40 ms of CPU per press), while long loops (the search index build) still are.
# The same command as `npm run start:prod` and the systemd unit.
CMD ["node", "--optimize-for-size", "--interrupt-budget=540672", "dist/main.js"]
