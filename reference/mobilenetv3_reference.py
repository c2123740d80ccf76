"""PyTorch MobileNetV3-Small with the same small-image adaptation as the C# model (stride-1 stem for images
<= 64 px): training throughput on Fashion-MNIST and peak memory (ru_maxrss).

Run: /usr/bin/python3 reference/mobilenetv3_reference.py --batch 16 --threads 2
"""
import argparse
import resource
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

import fashion_mnist

# kernel, expanded, out, squeeze-excite, activation, stride (Howard et al. 2019, table 2)
BOTTLENECKS = [
    (3, 16, 16, True, "RE", 2), (3, 72, 24, False, "RE", 2), (3, 88, 24, False, "RE", 1),
    (5, 96, 40, True, "HS", 2), (5, 240, 40, True, "HS", 1), (5, 240, 40, True, "HS", 1),
    (5, 120, 48, True, "HS", 1), (5, 144, 48, True, "HS", 1), (5, 288, 96, True, "HS", 2),
    (5, 576, 96, True, "HS", 1), (5, 576, 96, True, "HS", 1),
]


def make_divisible(v, divisor=8):
    rounded = max(divisor, int(v + divisor / 2) // divisor * divisor)
    return rounded + divisor if rounded < 0.9 * v else rounded


def conv_bn(cin, cout, k, stride, act, groups=1):
    layers = [nn.Conv2d(cin, cout, k, stride, (k - 1) // 2, groups=groups, bias=False), nn.BatchNorm2d(cout)]
    if act == "RE":
        layers.append(nn.ReLU())
    elif act == "HS":
        layers.append(nn.Hardswish())
    return nn.Sequential(*layers)


class SqueezeExcitation(nn.Module):
    def __init__(self, channels, squeeze):
        super().__init__()
        self.fc1 = nn.Conv2d(channels, squeeze, 1)
        self.fc2 = nn.Conv2d(squeeze, channels, 1)

    def forward(self, x):
        s = F.adaptive_avg_pool2d(x, 1)
        return x * F.hardsigmoid(self.fc2(F.relu(self.fc1(s))))


class InvertedResidual(nn.Module):
    def __init__(self, cin, exp, cout, k, se, act, stride):
        super().__init__()
        layers = [] if exp == cin else [conv_bn(cin, exp, 1, 1, act)]
        layers.append(conv_bn(exp, exp, k, stride, act, groups=exp))
        if se:
            layers.append(SqueezeExcitation(exp, make_divisible(exp // 4)))
        layers.append(conv_bn(exp, cout, 1, 1, None))
        self.block = nn.Sequential(*layers)
        self.residual = stride == 1 and cin == cout

    def forward(self, x):
        y = self.block(x)
        return x + y if self.residual else y


class MobileNetV3Small(nn.Module):
    def __init__(self, channels=1, image_size=28, classes=10):
        super().__init__()
        layers = [conv_bn(channels, 16, 3, 1 if image_size <= 64 else 2, "HS")]
        width = 16
        for k, exp, out, se, act, stride in BOTTLENECKS:
            layers.append(InvertedResidual(width, exp, out, k, se, act, stride))
            width = out
        layers.append(conv_bn(width, 576, 1, 1, "HS"))
        self.features = nn.Sequential(*layers)
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(576, 1024), nn.Hardswish(), nn.Dropout(0.2),
                                        nn.Linear(1024, classes))

    def forward(self, x):
        return self.classifier(F.adaptive_avg_pool2d(self.features(x), 1))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--images", type=int, default=1600)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--lr", type=float, default=0.01)
    parser.add_argument("--momentum", type=float, default=0.9)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data", default=fashion_mnist.DEFAULT_DIRECTORY)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    assert sum(p.numel() for p in MobileNetV3Small(3, 224, 1000).parameters()) == 2_542_856
    xtr, ytr = (torch.from_numpy(a.copy()) for a in fashion_mnist.load("train", args.data))
    model = MobileNetV3Small()
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=args.momentum)
    images = args.images - args.images % args.batch
    batches = [(xtr[i:i + args.batch].contiguous(), ytr[i:i + args.batch].contiguous())
               for i in range(0, images, args.batch)]

    def step(x, y):
        optimizer.zero_grad(set_to_none=True)
        F.cross_entropy(model(x), y).backward()
        optimizer.step()

    for x, y in batches[:max(1, len(batches) // 10)]:
        step(x, y)
    best = 0.0
    for _ in range(args.repeats):
        start = time.perf_counter()
        for x, y in batches:
            step(x, y)
        best = max(best, images / (time.perf_counter() - start))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"RESULT torch MobileNetV3-Small training throughput, batch {args.batch}, {args.threads} threads: "
          f"{best:.0f} images/s (best of {args.repeats} passes over {images} images)")
    print(f"RESULT torch MobileNetV3-Small peak RSS {peak:.0f} MiB (process, incl. the dataset and torch); "
          f"{sum(p.numel() for p in model.parameters()):,} parameters")


if __name__ == "__main__":
    main()
