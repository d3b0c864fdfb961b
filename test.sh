#!/usr/bin/env bash
# The test command: every unit, integration, end-to-end and browser test. Needs a JDK >= 21 (picked automatically)
# and RabbitMQ with its management plugin on 127.0.0.1 (guest/guest); .ci/run provisions both on a fresh Debian
# machine. Extra arguments go to Maven, e.g. ./test.sh -pl stock-management-consumer -am
set -euo pipefail
cd "$(dirname "$0")"
source scripts/java-home.sh
exec ./mvnw -B verify "$@"
