#!/usr/bin/env bash
# The Stockroom benchmark in one command (docs/PERFORMANCE.md). By default it builds what is missing or out of date,
# starts its own stack (local launcher, full JIT, its own ports, vhost and data directory, raised order and
# registration limits), sets up locations, SKUs and shoppers through the API, measures the broker ceiling (RabbitMQ
# PerfTest), the read ceiling (wrk), and the spread, hot and fixed-rate order workloads, stops the stack and prints
# one table (also written to bench/target/results/). With STOCKROOM_URL (and STOCKROOM_ADMIN_USERNAME/PASSWORD) it
# measures that running stack instead.
#
#   bench/run.sh              build if needed, then run (about 5 minutes)
#   bench/run.sh --no-build   run with the jars as they are
#   bench/run.sh --help       every knob (BENCH_* environment variables)
set -euo pipefail
cd "$(dirname "$0")/.."

build=auto
args=()
for argument in "$@"; do
  case "$argument" in
    --no-build) build=no ;;
    --build) build=yes ;;
    *) args+=("$argument") ;;
  esac
done

if ! source scripts/java-home.sh; then
  exit 1
fi

jars=(producer-service/target/producer-service-exec.jar add-item-consumer/target/add-item-consumer-exec.jar
      stock-management-consumer/target/stock-management-consumer-exec.jar
      order-processing-consumer/target/order-processing-consumer-exec.jar
      health-check-service/target/health-check-service-exec.jar local-launcher/target/local-launcher-exec.jar
      bench/target/bench-exec.jar)
if [[ "$build" == auto ]]; then
  build=no
  for jar in "${jars[@]}"; do
    # Missing, or older than any source or pom: measure what is checked out, not what was built last week.
    if [[ ! -f "$jar" ]] || [[ -n "$(find . -path ./.git -prune -o \( -path '*/src/main/*' -o -name pom.xml \) \
          -newer "$jar" -print -quit 2>/dev/null)" ]]; then
      build=yes
      break
    fi
  done
fi
if [[ "$build" == yes ]]; then
  echo "bench: building (./mvnw -q -DskipTests install) ..."
  ./mvnw -q -DskipTests install
fi

# RabbitMQ PerfTest's class path, resolved from Maven Central once (not part of the build: see bench/perftest/pom.xml).
classpath=bench/target/perftest.classpath
if [[ ! -s "$classpath" ]]; then
  mkdir -p bench/target
  ./mvnw -q -f bench/perftest/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/$classpath" \
    || echo "bench: could not resolve RabbitMQ PerfTest; its ceiling will be skipped" >&2
fi
command -v wrk >/dev/null \
  || echo "bench: wrk is not installed, so the read ceiling will be skipped (install it: apt-get install wrk)" >&2

exec "$JAVA_HOME/bin/java" -jar bench/target/bench-exec.jar ${args[@]+"${args[@]}"}
