#!/usr/bin/env bash
# Sourced by run.sh, test.sh and .ci/run: exports JAVA_HOME pointing at a JDK >= 21 (the build's minimum), preferring
# an already set JAVA_HOME, then Temurin 25 where these machines keep it, then any JDK under /usr/lib/jvm.

stockroom_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p' | cut -d. -f1
}

stockroom_pick_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [[ -n "$candidate" && -x "$candidate/bin/java" && -x "$candidate/bin/javac" ]] || continue
    major="$(stockroom_java_major "$candidate")"
    if [[ -n "$major" ]] && (( major >= 21 )); then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if STOCKROOM_JDK="$(stockroom_pick_jdk)"; then
  export JAVA_HOME="$STOCKROOM_JDK"
  export PATH="$JAVA_HOME/bin:$PATH"
  if (( $(stockroom_java_major "$JAVA_HOME") >= 24 )) && [[ "${MAVEN_OPTS:-}" != *sun-misc-unsafe* ]]; then
    # Maven 3.9's Guice still uses sun.misc.Unsafe; JDK 24+ warns about it on every build.
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
else
  echo "Stockroom needs a JDK 21 or newer. Install one (e.g. 'apt-get install openjdk-21-jdk-headless') or set JAVA_HOME." >&2
  return 1 2>/dev/null || exit 1
fi
