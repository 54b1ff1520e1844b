# The stalin-kg service in a container, built on the distribution archive that `mvn package` makes:
#
#   mvn -B package -DskipTests
#   docker build -t stalin-kg .
#   docker run --rm -p 3030:3030 stalin-kg
#
# Data and queries of your own replace the bundled ones by mounting their folders (read-only is enough):
#
#   docker run --rm -p 3030:3030 -v "$PWD/data:/opt/stalin-kg/data:ro" -v "$PWD/queries:/opt/stalin-kg/queries:ro" stalin-kg
#
# Options go after the image name and replace the default command (keep --host 0.0.0.0 so the port is reachable);
# JVM options with -e JAVA_OPTS='-Xmx512m -XX:+UseSerialGC'.

# Unpack the archive in a stage of its own, so the image does not carry the archive too.
FROM eclipse-temurin:17-jre AS unpack
ARG VERSION=0.1.0-SNAPSHOT
COPY target/stalin-kg-${VERSION}.tar.gz /tmp/stalin-kg.tar.gz
RUN mkdir -p /opt/stalin-kg \
 && tar -xzf /tmp/stalin-kg.tar.gz -C /opt/stalin-kg --strip-components=1

FROM eclipse-temurin:17-jre
ARG VERSION=0.1.0-SNAPSHOT
LABEL org.opencontainers.image.title="stalin-kg" \
      org.opencontainers.image.description="A knowledge graph of Stalin's goals, policies and their outcomes, as a read-only SPARQL endpoint" \
      org.opencontainers.image.version="${VERSION}"
# A user of its own, by number so that an orchestrator can tell it is not root; the files stay root's, read-only to it.
RUN groupadd --system --gid 10001 stalinkg \
 && useradd --system --uid 10001 --gid stalinkg --home-dir /opt/stalin-kg --no-create-home --shell /usr/sbin/nologin stalinkg
COPY --from=unpack /opt/stalin-kg /opt/stalin-kg
# The class-data archive for this image's JVM and this path (a training run of the server: start, one request of
# each kind, stop), which bin/stalin-kg maps at every start.
RUN /opt/stalin-kg/bin/stalin-kg-cds
WORKDIR /opt/stalin-kg
USER 10001:10001
EXPOSE 3030
# The Temurin images carry curl (and wget).
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["curl", "--fail", "--silent", "--show-error", "--output", "/dev/null", "http://127.0.0.1:3030/$/ping"]
# bin/stalin-kg execs java, so the JVM is process 1 and stops the server cleanly on docker stop (SIGTERM).
ENTRYPOINT ["/opt/stalin-kg/bin/stalin-kg"]
CMD ["serve", "--host", "0.0.0.0", "--port", "3030"]
