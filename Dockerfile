# One recipe for every service in apps/: docker build --build-arg SERVICE=goals -t bildungsregion/goals .
# docker-compose.yml passes SERVICE for each service it builds.
FROM node:20.20-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ARG SERVICE
RUN test -n "$SERVICE" || (echo "build with --build-arg SERVICE=<a folder of apps/>" >&2 && exit 1)
RUN test -d "apps/$SERVICE" || (echo "apps/$SERVICE does not exist" >&2 && exit 1)
RUN NX_DAEMON=false NX_NO_CLOUD=true npx nx run "$SERVICE:build" && npm prune --omit=dev

FROM node:20.20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /workspace
ARG SERVICE
ENV SERVICE=$SERVICE
COPY --from=build /workspace/node_modules ./node_modules
COPY --from=build /workspace/dist ./dist
USER node
CMD ["sh", "-c", "exec node dist/apps/$SERVICE/apps/$SERVICE/src/main.js"]
