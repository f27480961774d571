# syntax=docker/dockerfile:1.7
# Observatoire dashboard (SvelteKit, adapter-node): server-rendered charts, downloads, the associations' space.
# Build from the repository root:
#   docker build -f docker/dashboard.Dockerfile -t observatoire/dashboard .
# Not exercised by the test suite (no Docker engine in CI): see docker/README.md.

ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS base
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false \
    TURBO_TELEMETRY_DISABLED=1
RUN npm install -g npm@11.19.1 && npm cache clean --force
WORKDIR /app

# 1. Keep only the dashboard and the workspaces it imports (charts, schema), with their part of the lockfile.
FROM base AS prune
COPY . .
RUN npx --yes turbo@2.11.11 prune @observatoire/dashboard --docker

# 2. Build with every dependency (Vite, SvelteKit and the adapter are dev dependencies).
FROM base AS build
COPY --from=prune /app/out/json/ ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY --from=prune /app/out/full/ ./
COPY tsconfig.base.json ./
RUN npx turbo run build --filter=@observatoire/dashboard...
RUN find packages apps -mindepth 2 -maxdepth 2 \
      \( -name node_modules -o -name test -o -name e2e -o -name .turbo -o -name .svelte-kit \) -prune \
      -exec rm -rf {} +

# 3. Production dependencies only: adapter-node leaves the package.json `dependencies` (the workspaces, d3,
#    exceljs, the native @resvg/resvg-js) outside its bundle, to be resolved from node_modules at run time.
FROM base AS prod-deps
COPY --from=prune /app/out/json/ ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

# 4. Runtime, as the unprivileged `node` user.
FROM ${NODE_IMAGE} AS runtime
# DejaVu fonts: chart PNGs are rendered on the server with resvg (OBSERVATOIRE_FONT_DIR points here by default).
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    OBSERVATOIRE_API_URL=http://api:3001 \
    BODY_SIZE_LIMIT=52M
WORKDIR /app
COPY --from=prod-deps /app/ ./
COPY --from=build /app/packages/ ./packages/
COPY --from=build /app/apps/ ./apps/
COPY --chmod=0755 docker/entrypoint.sh /usr/local/bin/observatoire-entrypoint
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.status<500?0:1),()=>process.exit(1))"]
ENTRYPOINT ["observatoire-entrypoint"]
CMD ["node", "apps/dashboard/build/index.js"]
