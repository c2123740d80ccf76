"""PyTorch reference for the C# LeNet-5 recipe: accuracy after E epochs and training throughput.

Accuracy: /usr/bin/python3 reference/lenet5_reference.py accuracy --epochs 5
Throughput: /usr/bin/python3 reference/lenet5_reference.py throughput --batch 64 --threads 2
The recipe (architecture, optimiser, learning rate, batch, epochs, seed) is documented in docs/learning-data.md.
"""
import argparse
import resource
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

import fashion_mnist


class LeNet5(nn.Module):
    """conv5×5(1→6, pad 2) ReLU maxpool2 → conv5×5(6→16) ReLU maxpool2 → 400→120 ReLU → 120→84 ReLU → 84→10."""

    def __init__(self, classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, classes)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


def make_optimizer(model, args):
    if args.optimizer == "sgd":
        return torch.optim.SGD(model.parameters(), lr=args.lr, momentum=args.momentum, weight_decay=args.weight_decay)
    return torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)


def train_step(model, optimizer, x, y):
    optimizer.zero_grad(set_to_none=True)
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    optimizer.step()
    return loss


def evaluate(model, x, y, batch=1000):
    model.eval()
    correct = 0
    with torch.no_grad():
        for i in range(0, len(x), batch):
            correct += (model(x[i:i + batch]).argmax(1) == y[i:i + batch]).sum().item()
    model.train()
    return correct / len(x)


def accuracy(args):
    torch.manual_seed(args.seed)
    xtr, ytr = (torch.from_numpy(a.copy()) for a in fashion_mnist.load("train", args.data))
    xte, yte = (torch.from_numpy(a.copy()) for a in fashion_mnist.load("t10k", args.data))
    model = LeNet5()
    optimizer = make_optimizer(model, args)
    gen = torch.Generator().manual_seed(args.seed)
    for epoch in range(args.epochs):
        start = time.perf_counter()
        order = torch.randperm(len(xtr), generator=gen)
        total = 0.0
        for i in range(0, len(order), args.batch):
            idx = order[i:i + args.batch]
            total += train_step(model, optimizer, xtr[idx], ytr[idx]).item() * len(idx)
        elapsed = time.perf_counter() - start
        print(f"epoch {epoch + 1}: loss {total / len(xtr):.4f}, test accuracy {evaluate(model, xte, yte):.4f}, "
              f"{len(xtr) / elapsed:.0f} images/s", flush=True)
    print(f"RESULT torch LeNet-5 test accuracy after {args.epochs} epochs: {evaluate(model, xte, yte) * 100:.2f}%")


def throughput(args):
    torch.manual_seed(args.seed)
    xtr, ytr = (torch.from_numpy(a.copy()) for a in fashion_mnist.load("train", args.data))
    model = LeNet5()
    optimizer = make_optimizer(model, args)
    images = args.images - args.images % args.batch
    batches = [(xtr[i:i + args.batch].contiguous(), ytr[i:i + args.batch].contiguous())
               for i in range(0, images, args.batch)]
    for x, y in batches[:max(1, len(batches) // 10)]:
        train_step(model, optimizer, x, y)
    best = 0.0
    for _ in range(args.repeats):
        start = time.perf_counter()
        for x, y in batches:
            train_step(model, optimizer, x, y)
        best = max(best, images / (time.perf_counter() - start))
    print(f"RESULT torch LeNet-5 training throughput, batch {args.batch}, {args.threads} threads: "
          f"{best:.0f} images/s (best of {args.repeats} passes over {images} images)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"RESULT torch LeNet-5 peak RSS {peak:.0f} MiB (process, incl. the dataset and torch)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["accuracy", "throughput"])
    parser.add_argument("--data", default=fashion_mnist.DEFAULT_DIRECTORY)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--optimizer", choices=["sgd", "adam"], default="sgd")
    parser.add_argument("--lr", type=float, default=0.05)
    parser.add_argument("--momentum", type=float, default=0.9)
    parser.add_argument("--weight-decay", type=float, default=0.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--images", type=int, default=12800, help="throughput: images per timed pass")
    parser.add_argument("--repeats", type=int, default=3, help="throughput: timed passes, best kept")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    if args.mode == "accuracy":
        accuracy(args)
    else:
        throughput(args)


if __name__ == "__main__":
    main()
