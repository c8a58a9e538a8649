#!/usr/bin/env bash
# Builds target/benchmarks.jar (and the agent jar AgentOverheadBenchmark attaches) and runs every
# benchmark and variant in one JMH run.
#
#   benchmarks/run.sh                      # build, then everything
#   benchmarks/run.sh -prof gc             # same, with allocation figures
#   benchmarks/run.sh --no-build -p variant=raw,querylens JdbcOverheadBenchmark.pointQuery
#
# Any argument after the optional --no-build goes to JMH unchanged. Unless -rf/-rff are given,
# results are also written as JSON to benchmarks/target/jmh-result.json.
# MVN_ARGS adds Maven options to the build, e.g. MVN_ARGS=-o for an offline build.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

build=1
if [[ "${1:-}" == "--no-build" ]]; then
  build=0
  shift
fi

if ((build)); then
  # shellcheck disable=SC2086 # MVN_ARGS is a list of options
  (cd "$root" && mvn -B -q -DskipTests ${MVN_ARGS:-} -pl agent,benchmarks -am package)
fi

result_options=()
if [[ " $* " != *" -rf "* && " $* " != *" -rff "* ]]; then
  result_options=(-rf json -rff "$root/benchmarks/target/jmh-result.json")
fi

exec java -jar "$root/benchmarks/target/benchmarks.jar" ${result_options[@]+"${result_options[@]}"} "$@"
