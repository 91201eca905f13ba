#!/usr/bin/env bash
# make test-slurm: a real single-node Slurm on localhost, started here as root with Debian's
# slurm-wlm and munge (installed when missing), no systemd. It checks that
#   1. a smoke-scale sweep of 3 figures x 3 seeds submitted with `--executor slurm` gives seeds
#      files and figures byte-identical to a local `-j 2` sweep;
#   2. a task cancelled while it runs leaves no entry in the cache, the collect job is dropped,
#      and submitting the same command again runs only that task and completes the sweep.
# Every daemon it starts is stopped by PID; munge key, socket, state, spool and logs all live in
# one temporary folder, removed on success (kept, and named, on failure). Every wait is bounded.
#
# usage: scripts/test-slurm.sh path/to/wnfig
set -euo pipefail

wnfig=$(readlink -f "${1:?usage: scripts/test-slurm.sh path/to/wnfig}")
root=$(cd "$(dirname "$0")/.." && pwd)
# Cheap figures; morwani2021-fig7 (MNIST, about 4 s at smoke scale) is the one long enough to be
# caught running and cancelled.
figures=(wu2020-fig2 morwani2021-fig4 morwani2021-fig7)
seeds=0-2
slow=morwani2021-fig7
data_dir=${WNFIGURES_DATA_DIR:-$root/data/mnist}
started=$(date +%s)

note() { echo "test-slurm: $*"; }
fail() { echo "test-slurm: FAIL: $*" >&2; exit 1; }

[ -x "$wnfig" ] || fail "$wnfig is not an executable; run 'make build' first"
[ -f "$data_dir/train-images-idx3-ubyte" ] || fail "no MNIST in $data_dir; run 'make data' or set WNFIGURES_DATA_DIR"

# --- packages -------------------------------------------------------------------------------
if ! command -v munged >/dev/null || ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null; then
  [ "$(id -u)" = 0 ] || fail "slurm-wlm and munge are missing and installing them needs root (run as root, or apt-get install slurm-wlm munge)"
  note "installing slurm-wlm and munge"
  # Keep the packages from starting their own daemons where an init system would: this test
  # starts its own, and a system munged or slurmd would outlive it.
  policy=/usr/sbin/policy-rc.d
  own_policy=0
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && own_policy=1; fi
  install_status=0
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null; } || install_status=$?
  [ "$own_policy" = 1 ] && rm -f "$policy"
  [ "$install_status" = 0 ] || fail "apt-get install slurm-wlm munge failed (status $install_status)"
fi
[ "$(id -u)" = 0 ] || fail "the test cluster runs its daemons as root; run 'make test-slurm' as root"

# --- the cluster ----------------------------------------------------------------------------
T=$(mktemp -d "${TMPDIR:-/tmp}/wnfig-slurm.XXXXXX")
chmod 755 "$T"
mkdir -p "$T/munge" "$T/state" "$T/spool" "$T/log"
chmod 755 "$T/munge"
touch "$T/start"
pids=()
ok=0

cleanup() {
  status=$?
  if [ -n "${SLURM_CONF:-}" ] && [ ${#pids[@]} -gt 1 ]; then
    # Jobs first: a job step outlives slurmd if it is still running when slurmd stops.
    scancel --user="$(id -un)" >/dev/null 2>&1 || true
    for _ in $(seq 50); do [ -z "$(squeue -h 2>/dev/null)" ] && break; sleep 0.2; done
  fi
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    pid=${pids[i]}
    kill -TERM "$pid" 2>/dev/null || continue
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ "$ok" = 1 ]; then
    rm -rf "$T"
  else
    echo "test-slurm: daemons stopped; logs and outputs kept in $T (slurm logs: $T/log, task logs: $T/cache-*/slurm/*/logs)" >&2
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  fail "found no free TCP port for slurmctld/slurmd"
}
ctld_port=$(free_port)
slurmd_port=$(free_port)
[ "$ctld_port" != "$slurmd_port" ] || slurmd_port=$((ctld_port + 1))

dd if=/dev/urandom of="$T/munge/munge.key" bs=1024 count=1 status=none
chmod 600 "$T/munge/munge.key"
socket=$T/munge/munge.socket.2
munged --foreground --force --socket="$socket" --key-file="$T/munge/munge.key" --log-file="$T/log/munged.log" \
  --pid-file="$T/munge/munged.pid" --seed-file="$T/munge/munged.seed" >>"$T/log/munged.out" 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -S "$socket" ] && break; sleep 0.1; done
[ -S "$socket" ] || fail "munged did not create $socket within 5 s: $(tail -3 "$T/log/munged.log" 2>/dev/null)"

host=$(hostname -s)
node=$(slurmd -C | head -1)
case "$node" in NodeName=*) ;; *) fail "slurmd -C did not describe this node: $node" ;; esac
cat >"$T/slurm.conf" <<EOF
ClusterName=wnfigtest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$T/state
SlurmdSpoolDir=$T/spool
SlurmctldPidFile=$T/slurmctld.pid
SlurmdPidFile=$T/slurmd.pid
SlurmctldLogFile=$T/log/slurmctld.log
SlurmdLogFile=$T/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
SchedulerType=sched/backfill
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
MinJobAge=600
MailProg=/bin/true
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF=$T/slurm.conf
slurmctld -D -f "$SLURM_CONF" >>"$T/log/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" >>"$T/log/slurmd.out" 2>&1 &
pids+=($!)
state=""
for _ in $(seq 150); do
  state=$(sinfo -h -o %t 2>/dev/null || true)
  [ "$state" = idle ] && break
  sleep 0.2
done
[ "$state" = idle ] || fail "the node did not come up idle within 30 s (state '$state'): $(tail -3 "$T/log/slurmctld.log" 2>/dev/null) $(tail -3 "$T/log/slurmd.log" 2>/dev/null)"
note "cluster up in $(($(date +%s) - started)) s (slurmctld :$ctld_port, slurmd :$slurmd_port, $T)"

# --- helpers --------------------------------------------------------------------------------
sweep() { # sweep <cache> <out> [args…]
  local cache=$1 out=$2
  shift 2
  timeout 300 "$wnfig" sweep "${figures[@]}" --seeds "$seeds" --scale smoke --root "$root" --data-dir "$data_dir" \
    --cache-dir "$T/$cache" --out "$T/$out" "$@"
}

wait_for_queue_to_empty() { # wait_for_queue_to_empty <seconds> <what>
  local deadline=$(($(date +%s) + $1))
  while [ -n "$(squeue -h -o %i)" ]; do
    [ "$(date +%s)" -lt "$deadline" ] || { squeue >&2; fail "$2: jobs still queued after $1 s"; }
    sleep 0.5
  done
}

logs_of() { ls "$T/$1"/slurm/*/logs/*.log 2>/dev/null || true; }

same_as_local() { # same_as_local <out> <what>
  local id suffix
  for id in "${figures[@]}"; do
    for suffix in seeds.json json png pdf svg; do
      [ -f "$T/$1/$id.$suffix" ] || fail "$2: $T/$1/$id.$suffix was not written; collect log: $(tail -3 $(logs_of "cache-$1" | grep collect) 2>/dev/null)"
      cmp -s "$T/local/$id.$suffix" "$T/$1/$id.$suffix" || fail "$2: $id.$suffix differs from the local sweep's ($T/local/$id.$suffix)"
    done
  done
}

submit_and_compare() { # submit_and_compare <cache> <out> <tasks missing> <what>
  local t0
  t0=$(date +%s)
  sweep "$1" "$2" --executor slurm >"$T/$2-submit.out" 2>&1 || fail "$4: submission failed: $(tail -3 "$T/$2-submit.out")"
  grep -q "^$3 of 9 tasks missing" "$T/$2-submit.out" || fail "$4: expected $3 of 9 tasks to be submitted: $(cat "$T/$2-submit.out")"
  wait_for_queue_to_empty 300 "$4"
  same_as_local "$2" "$4"
  note "$4: $3 task(s) ran, seeds files and figures byte-identical to the local sweep ($(($(date +%s) - t0)) s)"
}

# --- 1. the same bytes as a local sweep -----------------------------------------------------
t0=$(date +%s)
sweep cache-local local -j 2 --render >"$T/local.out" 2>&1 || fail "the local sweep failed: $(tail -3 "$T/local.out")"
note "local -j 2 sweep: $(($(date +%s) - t0)) s"

submit_and_compare cache-slurm slurm 9 "Slurm sweep (3 arrays x 3 tasks + collect)"

# --- 2. a task cancelled while it runs; resubmitting completes --------------------------------
cancelled=""
for attempt in 1 2 3; do
  rm -rf "$T/cache-int" "$T/int"
  sweep cache-int int --executor slurm >"$T/int-submit.out" 2>&1 || fail "submission failed: $(tail -3 "$T/int-submit.out")"
  deadline=$(($(date +%s) + 120))
  task=""
  while [ -z "$task" ]; do
    task=$(squeue -h -t R -n "wnfig-$slow" -o %i | head -1)
    [ "$(date +%s)" -lt "$deadline" ] || fail "no $slow task was seen running within 120 s"
    [ -n "$task" ] || sleep 0.1
  done
  sleep 1 # inside the experiment, past start-up
  scancel "$task"
  wait_for_queue_to_empty 120 "after cancelling $task"
  if scontrol show job "$task" 2>/dev/null | grep -q "JobState=CANCELLED"; then
    cancelled=$task
    break
  fi
  note "attempt $attempt: $task finished before the cancel reached it; again with a fresh cache"
done
[ -n "$cancelled" ] || fail "could not cancel a running $slow task in 3 attempts"
task_log=$(ls "$T"/cache-int/slurm/*/logs/"$slow-$cancelled.log" 2>/dev/null | head -1)
seed=$(sed -n "s/^wnfig task $slow seed \([0-9]*\) .*/\1/p" "$task_log" 2>/dev/null | head -1)
[ -n "$seed" ] || fail "the log of $cancelled ($task_log) does not name its seed"
for id in "${figures[@]}"; do
  [ ! -e "$T/int/$id.seeds.json" ] || fail "the collect job ran although task $cancelled was cancelled"
done
# No visible partial entry: every meta has its data beside it (an orphaned data file or an
# abandoned .tmp is invisible: only a meta makes an entry).
for meta in "$T"/cache-int/runs/*.meta.json; do
  [ -f "${meta%.meta.json}.data.json" ] || fail "cache entry $meta has no data file"
done
sweep cache-int int --executor slurm --dry-run >"$T/int-dry.out" 2>&1 || fail "dry run failed: $(tail -3 "$T/int-dry.out")"
[ "$(grep -c '^#SBATCH --array=' "$T/int-dry.out")" = 1 ] && grep -q "^#SBATCH --job-name=wnfig-$slow" "$T/int-dry.out" &&
  grep -q "^seeds=($seed)$" "$T/int-dry.out" ||
  fail "after cancelling $cancelled (seed $seed) only that task should be missing: $(grep -E '^#SBATCH --(array|job-name)|^seeds=' "$T/int-dry.out" | tr '\n' ' ')"
note "cancelled $cancelled ($slow seed $seed) while it ran: no cache entry for it, collect job dropped"

submit_and_compare cache-int int 1 "resubmitted sweep"

# --- nothing written outside the temporary folder --------------------------------------------
for place in /etc/slurm /etc/munge /var/log/slurm /var/log/slurm-llnl /var/log/munge /var/lib/slurm /var/lib/slurm-llnl \
  /var/lib/munge /var/spool/slurmd /var/spool/slurmctld /var/spool/slurm /run/munge /run/slurm /run/slurmctld /run/slurmd "$root/.cache"; do
  [ -e "$place" ] || continue
  newer=$(find "$place" -newer "$T/start" 2>/dev/null | head -3)
  [ -z "$newer" ] || fail "files written outside $T: $newer"
done
ok=1
note "PASS in $(($(date +%s) - started)) s"
