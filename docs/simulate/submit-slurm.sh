#!/bin/bash
# Queues the shard array and, after every task has succeeded, the merge into merged.json.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p logs
OUT="${OUT:-results/ancova-randomization}"
export OUT
array=$(sbatch --parsable slurm-array.sh)
sbatch --dependency="afterok:${array}" --job-name=mscstats-merge --output=logs/%x-%j.out \
    --wrap "mscstats merge ${OUT}/part-*.json --out ${OUT}/merged.json"
echo "array job ${array}; the merge runs when every task has succeeded"
