# A one-node Slurm cluster on localhost for the test that sources this:
# munged, slurmctld and slurmd from Debian's packages, every file (key,
# sockets, configuration, state, logs) in one temporary folder, every wait
# bounded, and everything stopped by cluster_stop — which the caller's
# EXIT trap must run, so a failing test stops it too.
# shellcheck shell=bash

# The programs the cluster needs; missing ones are printed.
cluster_missing_programs() {
  local p missing=()
  for p in munged mungekey munge unmunge slurmctld slurmd sbatch squeue scancel scontrol sinfo; do
    command -v "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  echo "${missing[*]}"
}

# wait_until SECONDS COMMAND...: 0 once COMMAND succeeds; 1 after SECONDS,
# or as soon as COMMAND returns 2 (it will never succeed).
wait_until() {
  local deadline=$((SECONDS + $1)) rc; shift
  while :; do
    "$@"; rc=$?
    [ "$rc" -eq 0 ] && return 0
    [ "$rc" -ne 2 ] && [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.1
  done
}

# alive_and PID COMMAND...: COMMAND's status while PID runs, else 2.
alive_and() {
  kill -0 "$1" 2>/dev/null || return 2
  shift
  "$@" && return 0 || return 1
}

free_port() {
  "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

cluster_pids=()
cluster_dir=

# Every process of this cluster carries FP_SLURM_CLUSTER=<its folder> in
# its environment: the daemons, the slurmstepd they start and the jobs
# (sbatch passes the submitter's environment on).
# (Daemons are started as `env ... daemon &`, not through this function,
# so that $! is the daemon itself.)
cluster_env() { env FP_SLURM_CLUSTER="$cluster_dir" SLURM_CONF="$cluster_dir/slurm.conf" "$@"; }
slurm() { cluster_env timeout 20 "$@"; }

cluster_is_up() {
  [ "$(slurm sinfo -h -o %t 2>/dev/null)" = idle ]
}

cluster_logs() {
  local f
  for f in "$cluster_dir"/log/*; do
    [ -s "$f" ] && { echo "--- $f (last lines)"; tail -n 15 "$f"; }
  done
}

# cluster_start DIR: DIR is created (its parent must be reachable by
# everyone: munged checks the path to its socket); returns 1 (with the logs printed)
# when a daemon does not come up within its time.
cluster_start() {
  cluster_dir=$1
  mkdir -p "$cluster_dir"/{run,key,state,spool,log}
  # munged wants its socket folder reachable by everyone, its key private.
  chmod 755 "$cluster_dir" "$cluster_dir/run"
  chmod 700 "$cluster_dir/key"
  mungekey --create --keyfile="$cluster_dir/key/munge.key" || return 1
  local socket=$cluster_dir/run/munge.socket
  env FP_SLURM_CLUSTER="$cluster_dir" munged -F --socket="$socket" --key-file="$cluster_dir/key/munge.key" \
    --pid-file="$cluster_dir/run/munged.pid" --seed-file="$cluster_dir/key/munged.seed" \
    --log-file="$cluster_dir/log/munged.log" >"$cluster_dir/log/munged.out" 2>&1 &
  cluster_pids+=($!)
  munge_works() { timeout 5 munge -n --socket="$socket" 2>/dev/null |
                  timeout 5 unmunge --socket="$socket" >/dev/null 2>&1; }
  wait_until 15 alive_and "${cluster_pids[0]}" munge_works ||
    { echo "munged did not start"; cluster_logs; return 1; }

  local host ctld_port slurmd_port
  host=$(hostname -s)
  ctld_port=$(free_port) && slurmd_port=$(free_port) || return 1
  # config_overrides: the node offers the 32 CPUs declared here whatever
  # the machine has, so the README's --cpus-per-task=8 array runs its four
  # tasks at once (factpipe's workers mostly wait in this test).
  cat >"$cluster_dir/slurm.conf" <<CONF
ClusterName=factpipe-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
StateSaveLocation=$cluster_dir/state
SlurmdSpoolDir=$cluster_dir/spool
SlurmctldPidFile=$cluster_dir/run/slurmctld.pid
SlurmdPidFile=$cluster_dir/run/slurmd.pid
SlurmctldLogFile=$cluster_dir/log/slurmctld.log
SlurmdLogFile=$cluster_dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SlurmdParameters=config_overrides
ReturnToService=2
KillWait=2
MessageTimeout=5
NodeName=$host NodeAddr=127.0.0.1 CPUs=32 State=UNKNOWN
PartitionName=factpipe Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
  env FP_SLURM_CLUSTER="$cluster_dir" SLURM_CONF="$cluster_dir/slurm.conf" \
    slurmctld -D -f "$cluster_dir/slurm.conf" >"$cluster_dir/log/slurmctld.out" 2>&1 &
  cluster_pids+=($!)
  env FP_SLURM_CLUSTER="$cluster_dir" SLURM_CONF="$cluster_dir/slurm.conf" \
    slurmd -D -f "$cluster_dir/slurm.conf" >"$cluster_dir/log/slurmd.out" 2>&1 &
  cluster_pids+=($!)
  both_alive_and_up() { alive_and "${cluster_pids[1]}" alive_and "${cluster_pids[2]}" cluster_is_up; }
  wait_until 30 both_alive_and_up ||
    { echo "the Slurm node did not become idle"; cluster_logs; return 1; }
}

# The processes of this cluster still running, found by their environment
# (a bash loop: no helper process of ours is among them).
cluster_processes() {
  local proc pid var
  for proc in /proc/[0-9]*; do
    pid=${proc#/proc/}
    [ "$pid" = "$$" ] || [ "$pid" = "$BASHPID" ] && continue
    while IFS= read -r -d '' var; do
      if [ "$var" = "FP_SLURM_CLUSTER=$cluster_dir" ]; then echo "$pid"; break; fi
    done 2>/dev/null <"$proc/environ"
  done
}

cluster_stop() {
  [ -n "$cluster_dir" ] || return 0
  if [ -f "$cluster_dir/slurm.conf" ]; then
    slurm scancel --quiet --user="$(id -un)" >/dev/null 2>&1
  fi
  local pid left
  # slurmd, slurmctld, then munged: the daemons stop on SIGTERM.
  for ((i = ${#cluster_pids[@]} - 1; i >= 0; i--)); do
    kill -TERM "${cluster_pids[i]}" 2>/dev/null
  done
  wait_until 10 bash -c 'for p; do kill -0 "$p" 2>/dev/null && exit 1; done; exit 0' _ "${cluster_pids[@]}"
  # Whatever is left (a daemon that hung, slurmstepd, a job's processes).
  left=$(cluster_processes)
  [ -z "$left" ] || echo "cluster: killing what did not stop:" $left
  for pid in $left; do kill -KILL "$pid" 2>/dev/null; done
  wait 2>/dev/null
  cluster_pids=()
  rm -rf "$cluster_dir"
  cluster_dir=
}
