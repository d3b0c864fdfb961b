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

java_major() { # prints the feature version of the JDK in $1, or nothing
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

pick_java_home() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major="$(java_major "$candidate")"
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! JAVA_HOME="$(pick_java_home)"; then
  echo "run.sh: no JDK 21 or newer found (tried \$JAVA_HOME and /usr/lib/jvm/*)." >&2
  echo "run.sh: install one (e.g. apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it." >&2
  exit 1
fi
export JAVA_HOME
echo "run.sh: using JDK $(java_major "$JAVA_HOME") at $JAVA_HOME"
if [ "$(java_major "$JAVA_HOME")" -ge 24 ]; then
  # Maven 3.9's Guice still uses sun.misc.Unsafe; JDK 24+ warns about it on every build.
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi

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
