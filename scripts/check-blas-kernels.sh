#!/usr/bin/env bash
# Part of `make test`: the smoke figures, run in fresh processes that request different OpenBLAS
# kernels (OPENBLAS_CORETYPE unset, =Haswell, and =SkylakeX where the CPU has AVX-512, else
# =Sandybridge), must all match the same smoke goldens, and every manifest must name the kernel
# that actually ran: wnfig pins OpenBLAS to Haswell wherever the CPU can run it.
set -euo pipefail
wnfig=${1:?usage: check-blas-kernels.sh path/to/wnfig}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/wnfig-kernels.XXXXXX")
trap 'rm -rf "$work"' EXIT

flags=$(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null || true)
has() { [[ " $flags " == *" $1 "* ]]; }
if ! has avx2 || ! has fma; then
  echo "check-blas-kernels: this CPU lacks AVX2/FMA: OpenBLAS cannot run the reference kernel here; the golden comparison below reports by how much the figures differ" >&2
fi
second=Sandybridge
has avx512f && second=SkylakeX

status=0
for requested in unset Haswell "$second"; do
  out="$work/$requested"
  if [ "$requested" = unset ]; then
    env=(env -u OPENBLAS_CORETYPE -u WNFIGURES_BLAS_KERNEL)
  else
    env=(env -u WNFIGURES_BLAS_KERNEL OPENBLAS_CORETYPE="$requested")
  fi
  echo "check-blas-kernels: OPENBLAS_CORETYPE=$requested: every figure at smoke scale against golden/smoke" >&2
  if ! "${env[@]}" "$wnfig" run --all --scale smoke --no-cache --check --format png --root "$root" --out "$out" >"$work/$requested.log" 2>&1; then
    cat "$work/$requested.log" >&2
    status=1
    continue
  fi
  grep '^BLAS:' "$work/$requested.log" >&2
  if has avx2 && has fma; then
    for manifest in "$out"/*.manifest.json; do
      if ! grep -q '"kernel" : "Haswell"' "$manifest"; then
        echo "check-blas-kernels: $(basename "$manifest") was computed under another kernel than Haswell" >&2
        status=1
      fi
    done
  fi
done
# Not only within the golden tolerance: the same bytes under every request.
if [ $status -eq 0 ]; then
  for file in "$work/unset"/*.png "$work/unset"/*.json; do
    name=$(basename "$file")
    case "$name" in *.manifest.json) continue ;; esac
    for requested in Haswell "$second"; do
      if ! cmp -s "$file" "$work/$requested/$name"; then
        echo "check-blas-kernels: $name differs between OPENBLAS_CORETYPE unset and =$requested" >&2
        status=1
      fi
    done
  done
fi
[ $status -eq 0 ] && echo "check-blas-kernels: every requested kernel gave byte-identical data and images, matching the goldens" >&2
exit $status
