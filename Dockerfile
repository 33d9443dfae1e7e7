# threat-monitor container image (multi-stage).
# Build:  docker build -t threat-monitor .
FROM swift:6.3-bookworm AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libcurl4-openssl-dev libyaml-dev libssl-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
RUN swift build -c release --product threat-monitor --static-swift-stdlib \
 && install -D "$(swift build -c release --show-bin-path)/threat-monitor" /out/threat-monitor

FROM debian:bookworm-slim
# Only the shared libraries the binary links against, and CA certificates.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libcurl4 libyaml-0-2 libssl3 libstdc++6 ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 65532 nonroot \
 && useradd --system --uid 65532 --gid 65532 --no-create-home --shell /usr/sbin/nologin nonroot
COPY --from=build /out/threat-monitor /usr/local/bin/threat-monitor
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/threat-monitor"]
CMD ["run"]
