# Ferry's server image. Node 24 runs the TypeScript sources directly (type stripping).
# NODE_IMAGE can name another Node 24 image on Debian (an internal mirror, say).
ARG NODE_IMAGE=node:24-bookworm-slim
FROM ${NODE_IMAGE}
USER root

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    FERRY_DATA_DIR=/data

# Ferry runs git on the host side (mirrors, diffs, pushes); the agent's commands run in
# sibling containers through the Docker socket the deployment mounts. tini is PID 1: it passes
# SIGTERM to Ferry and reaps orphaned processes.
RUN apt-get update \
 && apt-get install -y --no-install-recommends git ca-certificates tini \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
# Behind a TLS-inspecting proxy, put the proxy's CA certificates (public) in npm-ca.crt beside
# this file (it is git-ignored) and npm trusts them for this one install.
COPY package.json package-lock.json npm-ca.cr[t] ./
# The image's own Node 24 runs Ferry; the bundled runtime (an optional dependency) is not needed.
RUN if [ -f npm-ca.crt ]; then export NPM_CONFIG_CAFILE=/app/npm-ca.crt; fi \
 && npm ci --omit=dev --omit=optional --no-audit --no-fund && npm cache clean --force && rm -f npm-ca.crt
COPY app.yml ./
COPY bin ./bin
COPY src ./src
COPY schema ./schema
RUN ln -s /app/bin/ferry.js /usr/local/bin/ferry \
 && mkdir -p /data && chown 1000:1000 /data

USER 1000:1000
EXPOSE 3000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/ping').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"

ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["ferry", "start"]
