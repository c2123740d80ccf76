#!/usr/bin/env bash
# Table 1 of the M^Shap paper, closed-form setting (Section 5.1), with M^BG beside M^0 and M^Shap.
set -euo pipefail
cd "$(dirname "$0")/../../.."
CLI=${CLI:-src/CoCoGen.Cli/bin/Release/net10.0/cocogen}
for d in mnist fashionmnist cifar10 lumpy; do
  /usr/bin/time -f "$d %e s wall" "$CLI" mechanism mshap --input results/seeds/mbg/inputs/mbg-$d.json --out results/seeds/mbg/mbg-$d.json \
    --csv results/seeds/mbg/mbg-$d.csv --charts results/seeds/mbg/$d
done
