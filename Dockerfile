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
COPY package.json package-lock.json ./
# Behind a TLS-inspecting proxy, pass the proxy's CA certificates (public) to reach the registry:
#   --build-arg NPM_CA="$(cat /etc/ssl/certs/ca-certificates.crt)"
ARG NPM_CA=""
# The image's own Node 24 runs Ferry; the bundled runtime (an optional dependency) is not needed.
RUN if [ -n "$NPM_CA" ]; then printf '%s\n' "$NPM_CA" > /tmp/npm-ca.pem; export NPM_CONFIG_CAFILE=/tmp/npm-ca.pem; fi \
 && npm ci --omit=dev --omit=optional --no-audit --no-fund && npm cache clean --force && rm -f /tmp/npm-ca.pem
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
