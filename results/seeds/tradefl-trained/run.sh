#!/usr/bin/env bash
# TradeFL Figs 13-15 on real training: each scheme's d_i (Table II instance, seed 7, γ = 5·10⁻⁹ = the welfare
# maximum of the γ sweep) trains a LeNet-5 on Fashion-MNIST by FedAvg weighted by contributed images.
set -euo pipefail
cd "$(dirname "$0")/../../.."
CLI=${CLI:-src/CoCoGen.Cli/bin/Release/net10.0/cocogen}
OUT=results/seeds/tradefl-trained
/usr/bin/time -f "tradefl-trained %e s wall" "$CLI" mechanism tradefl --input $OUT/inputs/tradefl-table2-trained.json \
  --train fashion-mnist --seed 1 --out $OUT/tradefl-trained.json --csv $OUT/tradefl-trained.csv --charts $OUT
