#!/usr/bin/env bash
# Builds Stockroom and starts everything locally: an embedded MongoDB-wire store, RabbitMQ if one answers on
# RABBITMQ_HOST:RABBITMQ_PORT (default 127.0.0.1:5672) or else an embedded Qpid broker, and every service.
# Needs only a JDK >= 21. Ctrl-C stops everything.
#
#   ./run.sh              build, then run
#   ./run.sh --no-build   run what was built last time
#   ./run.sh --check      build, start, report, stop (exit 0 only if every built service came up)
set -euo pipefail
cd "$(dirname "$0")"

# Picks JAVA_HOME (a JDK >= 21), shared with test.sh and .ci/run.
if ! source scripts/java-home.sh; then
  exit 1
fi
echo "run.sh: using the JDK at $JAVA_HOME"

build=1
launcher_args=()
for argument in "$@"; do
  case "$argument" in
    --no-build) build=0 ;;
    --check) launcher_args+=("--check") ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $argument (try --help)" >&2; exit 2 ;;
  esac
done

if [ "$build" = 1 ]; then
  echo "run.sh: building (./mvnw -q -DskipTests install) ..."
  build_started=$SECONDS
  # --fail-at-end: a module that does not build is reported, the others are still built and started.
  if ! ./mvnw -q -DskipTests --fail-at-end install; then
    echo "run.sh: WARNING: some modules did not build (see above); starting what was built." >&2
  fi
  if [ ! -f local-launcher/target/local-launcher-exec.jar ]; then
    ./mvnw -q -DskipTests -f local-launcher/pom.xml package
  fi
  echo "run.sh: built in $((SECONDS - build_started)) s"
fi

launcher_jar=local-launcher/target/local-launcher-exec.jar
if [ ! -f "$launcher_jar" ]; then
  echo "run.sh: $launcher_jar is missing; run ./run.sh without --no-build first." >&2
  exit 1
fi
exec "$JAVA_HOME/bin/java" -XX:TieredStopAtLevel=1 -jar "$launcher_jar" ${launcher_args[@]+"${launcher_args[@]}"}
