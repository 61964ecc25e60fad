#!/usr/bin/env bash
# LSTM Lab against PyTorch, each side at its best thread count on this 2-vCPU machine, three rounds back to back:
# `bench` at THREADS threads (default 2) in float64 and float32, then the peer at one thread in float32 and float64
# (PyTorch's two-thread runs here are 3-10x slower than its one-thread runs, even on an idle machine).
# Run from the repository root after `mvn -B package -DskipTests`; JSON lines go to OUT (default peer-rounds/).
#
#   docs/scripts/peer-rounds.sh [threads] [out-dir]
#   JAVA_OPTS=-XX:UseAVX=2 docs/scripts/peer-rounds.sh    # LSTM Lab on AVX2 encodings (4 double lanes)
#   WIDTH=256 docs/scripts/peer-rounds.sh                 # both sides as on an AVX2 machine: LSTM Lab with
#       -XX:UseAVX=2, PyTorch with OpenBLAS's Haswell kernels (OPENBLAS_CORETYPE) and oneDNN capped at AVX2
#
# Before each round the script waits (up to QUIET_WAIT seconds, default 180) until the one-minute load average is
# below QUIET_LOAD (default 0.3): a round started right after a build or another benchmark ran slower on this VM.
set -euo pipefail
threads=${1:-2}
out=${2:-peer-rounds}
peer_env=()
if [ "${WIDTH:-}" = 256 ]; then
  JAVA_OPTS="${JAVA_OPTS:-} -XX:UseAVX=2"
  peer_env=(OPENBLAS_CORETYPE=Haswell ONEDNN_MAX_CPU_ISA=AVX2 DNNL_MAX_CPU_ISA=AVX2)
fi
wait_quiet() {
  local waited=0
  while awk -v max="${QUIET_LOAD:-0.3}" '{exit !($1 >= max)}' /proc/loadavg && [ "$waited" -lt "${QUIET_WAIT:-180}" ]; do
    sleep 5
    waited=$((waited + 5))
  done
}
# PyTorch's CPU products go through the system's BLAS: with Debian's reference libblas3 alone (no OpenBLAS) they are
# 5-20x slower, and every ratio below would be meaningless.
blas=$(update-alternatives --query libblas.so.3-x86_64-linux-gnu 2>/dev/null | sed -n 's/^Value: //p')
if [[ "$blas" != *openblas* ]]; then
  echo "peer-rounds: PyTorch would use the BLAS at '${blas:-none}', not OpenBLAS;" \
    "install it first: apt-get install -y libopenblas0-pthread" >&2
  exit 2
fi
mkdir -p "$out"
for r in 1 2 3; do
  wait_quiet
  echo "round $r $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  for d in float64 float32; do
    java ${JAVA_OPTS:-} --add-modules jdk.incubator.vector -XX:PerMethodTrapLimit=100000 -jar target/lstm-lab.jar \
      bench W1 W2 W3 W4 --threads "$threads" --seconds 4 --dtype $d 2>/dev/null | grep '^{' > "$out/ours-$d-$r.json"
  done
  for d in float32 float64; do
    env "${peer_env[@]}" OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 docs/bench/torch_peer_cpu.py --threads 1 --dtype $d \
      2>/dev/null > "$out/torch-$d-$r.json"
  done
done
echo "done $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
