#!/usr/bin/env bash
# The UI benchmarks, under Xvfb with JavaFX's software pipeline (-Dprism.order=sw): what virtual machines, remote
# desktops and many classroom PCs get. Run from the repository root after `mvn -B test-compile`:
#
#   docs/scripts/ui-bench.sh step  [hidden] [steps] [repetitions] [pause-ms]   # a debugger step, painted
#   docs/scripts/ui-bench.sh train [seconds] [rounds]                           # the Train tab on W1 vs bench W1
#     (the tab's default threads; UI_BENCH_JAVA_OPTS=-Dlstmlab.bench.threads=N for N threads on both sides)
#   docs/scripts/ui-bench.sh main CLASS [arguments]                             # any test-scope main, the same way
#
# Each prints a few lines and one JSON line. The machine's load changes the numbers: run several times and compare
# medians of runs made back to back.
set -euo pipefail
mode=${1:-step}
shift || true
if [[ ! -f target/cp-test.txt || pom.xml -nt target/cp-test.txt ]]; then
  mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp-test.txt -Dmdep.includeScope=test
fi
CP=$(cat target/cp-test.txt)
FX=$(echo "$CP" | tr ':' '\n' | grep 'javafx-.*linux' | paste -sd:)
REST=$(echo "$CP" | tr ':' '\n' | grep -v 'javafx-' | grep -v monocle | paste -sd:)
case "$mode" in
  step)  main=org.lstmlab.ui.debugger.tools.StepRenderBenchmark ;;
  train) main=org.lstmlab.ui.training.TrainTabThroughputBenchmark ;;
  main)  main=${1:?a class name}; shift ;;
  *) echo "usage: $0 step|train|main [arguments]" >&2; exit 2 ;;
esac
exec xvfb-run -a -s "-screen 0 1400x900x24" java --module-path "$FX" \
  --add-modules javafx.controls,javafx.fxml,javafx.swing,jdk.incubator.vector \
  --add-exports javafx.graphics/com.sun.javafx.perf=ALL-UNNAMED \
  --add-exports javafx.graphics/com.sun.prism=ALL-UNNAMED \
  -XX:PerMethodTrapLimit=100000 -Dprism.order=sw ${UI_BENCH_JAVA_OPTS:-} \
  -cp "target/classes:target/test-classes:$REST" "$main" "$@"
