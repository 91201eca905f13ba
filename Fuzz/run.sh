#!/usr/bin/env bash
# `make fuzz`: builds one libFuzzer binary per reader (swiftc -sanitize=fuzzer,address: the reader
# sources, which need nothing but Foundation, compiled with coverage into one module together with the
# entry point) and runs each for $FUZZ_TIME seconds (default 600)
# on a corpus seeded from the committed data. Crashes land in .build/fuzz/artifacts/; turn each into
# a regression test in Tests/DatasetsTests/FuzzRegressionTests.swift.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/.build/fuzz
time=${FUZZ_TIME:-600}
readers=${FUZZ_READERS:-"IDX LIBSVM CIFAR10"}
mkdir -p "$out/artifacts"
src=$root/Sources/Datasets
module_sources=("$src/IDX.swift" "$src/LIBSVMParser.swift" "$src/CIFAR10Batch.swift" "$src/DatasetError.swift" "$src/DataDirectory.swift")
seed() {
  local reader=$1 corpus=$out/corpus-$1
  mkdir -p "$corpus"
  [ -n "$(ls -A "$corpus")" ] && return
  case $reader in
    IDX) printf '\x00\x00\x08\x01\x00\x00\x00\x03\x07\x02\x01' >"$corpus/labels"
         printf '\x00\x00\x08\x02\x00\x00\x00\x02\x00\x00\x00\x02\x01\x02\x03\x04' >"$corpus/matrix" ;;
    LIBSVM) gzip -dc "$root/data/a9a/a9a.gz" | head -n 3 >"$corpus/a9a-head"
            printf '+1 1:0.5 3:2\n-1 2:1e-1\n' >"$corpus/toy" ;;
    CIFAR10) gzip -dc "$root/data/cifar-10-subset/test_batch.bin.gz" | head -c 6146 >"$corpus/two-rows" ;;
  esac
}
for reader in $readers; do
  swiftc -sanitize=fuzzer,address -O -parse-as-library -module-name DatasetsFuzz \
    "${module_sources[@]}" "$root/Fuzz/${reader}Fuzz.swift" "$root/Fuzz/Common.swift" -o "$out/fuzz-$reader"
  seed "$reader"
  echo "fuzz: $reader for ${time}s" >&2
  "$out/fuzz-$reader" -max_total_time="$time" -max_len=16384 -print_final_stats=1 -artifact_prefix="$out/artifacts/$reader-" \
    "$out/corpus-$reader" 2>&1 | tee "$out/$reader.log" | grep -E "^#[0-9]+ +(DONE|pulse)|stat::|ERROR|crash|Test unit" || true
done
