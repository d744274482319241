# Ferry's server image. Node 24 runs the TypeScript sources directly (type stripping).
FROM node:24-bookworm-slim

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    FERRY_DATA_DIR=/data

# Ferry runs git on the host side (mirrors, diffs, pushes); the agent's commands run in
# sibling containers through the Docker socket the deployment mounts.
RUN apt-get update \
 && apt-get install -y --no-install-recommends git ca-certificates \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY app.yml ./
COPY src ./src
COPY schema ./schema

RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000

CMD ["node", "src/main.ts"]
