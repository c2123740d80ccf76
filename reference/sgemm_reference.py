"""SGEMM 1024³ GFLOP/s of the reference framework (PyTorch on OpenBLAS), with a chosen thread count.

Run: /usr/bin/python3 reference/sgemm_reference.py --threads 2
"""
import argparse
import time

import torch


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--size", type=int, default=1024)
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    n = args.size
    gen = torch.Generator().manual_seed(0)
    a = torch.randn(n, n, generator=gen)
    b = torch.randn(n, n, generator=gen)
    c = torch.empty(n, n)
    for _ in range(3):
        torch.mm(a, b, out=c)
    best = float("inf")
    total = 0.0
    for _ in range(args.repeats):
        start = time.perf_counter()
        torch.mm(a, b, out=c)
        elapsed = time.perf_counter() - start
        best = min(best, elapsed)
        total += elapsed
    flops = 2.0 * n * n * n
    print(f"torch {torch.__version__} SGEMM {n}^3, {args.threads} threads: "
          f"best {flops / best / 1e9:.1f} GFLOP/s, mean {flops * args.repeats / total / 1e9:.1f} GFLOP/s")


if __name__ == "__main__":
    main()
