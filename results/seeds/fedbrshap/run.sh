#!/usr/bin/env bash
# FedBR-Shap on real LeNet-5 / Fashion-MNIST training: the paper's single probe with a constant step, then
# 2 averaged probes (common random numbers) with a Robbins-Monro step δ_t = δ·20/(19 + t) over 60 iterations
# The paper-probe input is the previous session's documented run (40 iterations); same seed, same data.
set -euo pipefail
cd "$(dirname "$0")/../../.."
CLI=${CLI:-src/CoCoGen.Cli/bin/Release/net10.0/cocogen}
OUT=results/seeds/fedbrshap
for c in paper-probe averaged-probes-decay averaged-probes-decay-low-cost; do
  /usr/bin/time -f "$c %e s wall" "$CLI" mechanism mshap --input $OUT/inputs/$c.json --train fashion-mnist --seed 1 \
    --out $OUT/$c.json --csv $OUT/$c-stages.csv --charts $OUT/$c
done
