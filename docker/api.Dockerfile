# syntax=docker/dockerfile:1.7
# Observatoire API (NestJS on Fastify, with its import worker) and the `observatoire` command line, which the
# one-shot migration service runs from the same image. Build from the repository root:
#   docker build -f docker/api.Dockerfile -t observatoire/api .
# Not exercised by the test suite (no Docker engine in CI): see docker/README.md.

# Node 24 LTS, as the root package.json `engines` and `.nvmrc` say.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS base
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false \
    TURBO_TELEMETRY_DISABLED=1
# The npm the lockfile was written with (root package.json `packageManager`), so `npm ci` reads it the same way
# and applies the same `allowScripts` policy as on developers' machines.
RUN npm install -g npm@11.19.1 && npm cache clean --force
WORKDIR /app

# 1. Keep only the workspaces the API and the command line need, with the matching part of the lockfile.
FROM base AS prune
COPY . .
RUN npx --yes turbo@2.11.11 prune @observatoire/api @observatoire/cli --docker

# 2. Build with every dependency (dev included: TypeScript, turbo).
FROM base AS build
COPY --from=prune /app/out/json/ ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY --from=prune /app/out/full/ ./
# turbo prune does not copy root files other than package.json, the lockfile and turbo.json.
COPY tsconfig.base.json ./
RUN npx turbo run build --filter=@observatoire/api... --filter=@observatoire/cli...
# Drop what the runtime must not carry: dev dependencies nested in workspaces, tests, turbo caches.
RUN find packages apps -mindepth 2 -maxdepth 2 \( -name node_modules -o -name test -o -name .turbo \) -prune \
      -exec rm -rf {} +

# 3. Production dependencies only, installed from the same pruned lockfile.
FROM base AS prod-deps
COPY --from=prune /app/out/json/ ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

# 4. Runtime: Node, production dependencies, built workspaces (dist/ and runtime files such as the ETL's
#    workers/), run as the unprivileged `node` user (uid 1000). Application files stay owned by root, read-only.
FROM ${NODE_IMAGE} AS runtime
# DejaVu fonts: the summary PDF draws French text with them.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
# A stated heap cap keeps garbage collection frequent and memory near what is live (see README, Configuration).
ENV NODE_ENV=production \
    NODE_OPTIONS=--max-old-space-size=1024 \
    HOST=0.0.0.0 \
    PORT=3001 \
    OBSERVATOIRE_DATA_DIR=/data \
    UPLOAD_DIR=/data/uploads
WORKDIR /app
COPY --from=prod-deps /app/ ./
COPY --from=build /app/packages/ ./packages/
COPY --from=build /app/apps/ ./apps/
COPY --chmod=0755 docker/entrypoint.sh /usr/local/bin/observatoire-entrypoint
# /data holds uploads (and the local pseudonym key when none is configured): the only writable place.
RUN mkdir -p /data/uploads && chown -R node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3001
HEALTHCHECK --interval=15s --timeout=5s --start-period=40s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3001)+'/api/health',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["observatoire-entrypoint"]
CMD ["node", "apps/api/dist/main.js"]
