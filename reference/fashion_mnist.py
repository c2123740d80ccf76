"""Fashion-MNIST IDX reader for the reference scripts (same files the C# engine reads)."""
import gzip
import os
import struct

import numpy as np

DEFAULT_DIRECTORY = "/usr/share/datasets/fashion-mnist"
MEAN, STD = 0.2860, 0.3530


def _read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        zero, dtype, rank = struct.unpack(">HBB", f.read(4))
        if zero != 0 or dtype != 0x08:
            raise ValueError(f"{path}: not an unsigned-byte IDX file")
        dims = struct.unpack(">" + "I" * rank, f.read(4 * rank))
        data = np.frombuffer(f.read(), dtype=np.uint8)
    if data.size != int(np.prod(dims)):
        raise ValueError(f"{path}: {data.size} bytes, header declares {dims}")
    return data.reshape(dims)


def _find(directory, name):
    for candidate in (name + ".gz", name):
        path = os.path.join(directory, candidate)
        if os.path.exists(path):
            return path
    raise FileNotFoundError(f"neither {name}.gz nor {name} in {directory}")


def load(split, directory=DEFAULT_DIRECTORY):
    """Returns (images float32 N×1×28×28 normalised with MEAN/STD, labels int64 N) for 'train' or 't10k'."""
    images = _read_idx(_find(directory, f"{split}-images-idx3-ubyte"))
    labels = _read_idx(_find(directory, f"{split}-labels-idx1-ubyte"))
    x = (images.astype(np.float32) / 255.0 - MEAN) / STD
    return x.reshape(-1, 1, 28, 28), labels.astype(np.int64)
