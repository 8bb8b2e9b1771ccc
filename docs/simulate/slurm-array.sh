#!/bin/bash
# One shard of an mscstats simulation per Slurm array task: task k of N runs `mscstats simulate --shard k/N`
# and writes part-k.json. Submit with submit-slurm.sh, which queues the merge to run after every task succeeded.
#
# The array must run 0..N-1 without a step (--array=0-15 for N = 16); the script reads N from Slurm and refuses
# anything else. Every task must run the same study, the same seed and the same mscstats build: `mscstats merge`
# checks all three and names the offending file.
#
#SBATCH --job-name=mscstats-sim
#SBATCH --array=0-15
#SBATCH --cpus-per-task=4
#SBATCH --mem=2G
#SBATCH --time=02:00:00
#SBATCH --output=logs/%x-%A_%a.out

set -euo pipefail

: "${SLURM_ARRAY_TASK_ID:?run this script with sbatch --array=0-(N-1)}"
SHARDS="${SLURM_ARRAY_TASK_COUNT:?}"
if [[ "${SLURM_ARRAY_TASK_MIN}" != 0 || "${SLURM_ARRAY_TASK_MAX}" != $((SHARDS - 1)) ]]; then
    echo "the array must be 0-$((SHARDS - 1)) without a step, not ${SLURM_ARRAY_TASK_MIN}-${SLURM_ARRAY_TASK_MAX}" >&2
    exit 2
fi

OUT="${OUT:-results/ancova-randomization}"
mkdir -p "${OUT}"

# The study: ANCOVA randomization test, 10 vs 10 subjects, effect 0.8 SD, baseline correlation 0.6, 100,000 replicates
# (Monte Carlo SE at most 0.0016) in 1,000 seed blocks of 100.
STUDY=(
    --design baseline --n 10,10 --mean 0.8,0 --sd 1 --rho 0.6
    --method ancova-randomization --inner 999
    --replicates 100000 --block-size 100 --seed 20240611
)

# A task that is requeued or rerun writes the same bytes: its blocks depend only on the seed and their numbers.
mscstats simulate "${STUDY[@]}" \
    --threads "${SLURM_CPUS_PER_TASK:-1}" \
    --shard "${SLURM_ARRAY_TASK_ID}/${SHARDS}" \
    --out "${OUT}/part-${SLURM_ARRAY_TASK_ID}.json"
