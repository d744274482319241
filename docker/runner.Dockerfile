# The default kind of image Ferry runs an agent's commands in: bash, git, Node 24, and a
# non-root user with uid 1000 (Ferry runs every command as 1000:1000, with a read-only root,
# a tmpfs home at /home/ferry and the checkout at /workspace).
#
#   docker build -f docker/runner.Dockerfile -t ferry-runner:bookworm .
#   FERRY_IMAGE=ferry-runner:bookworm npm start
#
# A repository may name any other image with bash and git in .github/agent.yml (image:).
# scripts/build-runner-image.sh builds an equivalent image without a registry.
FROM node:24-bookworm

RUN apt-get update \
 && apt-get install -y --no-install-recommends git ca-certificates \
 && rm -rf /var/lib/apt/lists/*

# node:24-bookworm already has uid 1000 ("node"); give it the name and home Ferry expects.
RUN usermod --login ferry --home /home/ferry --move-home node \
 && groupmod --new-name ferry node \
 && mkdir -p /workspace && chown 1000:1000 /workspace

ENV HOME=/home/ferry CI=true PAGER=cat GIT_PAGER=cat
USER 1000:1000
WORKDIR /workspace
CMD ["bash"]
