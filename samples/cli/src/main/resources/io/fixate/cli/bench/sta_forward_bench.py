#!/usr/bin/env python3
"""Times the forward pass of Fixate's compact STA net in PyTorch, for `fixate bench-predict --compare-python`.

The net is built layer for layer like the Java one (provider-stanet nets/StaNet.java and spi/djl io/fixate/spi/djl/nn):
the same convolutions, kernel sizes, paddings, activations and bilinear resizes, so its parameter count must equal
the Java net's. DJL stores batch-norm running statistics as parameters while PyTorch keeps them as buffers, so the
count printed for comparison includes them. With --djl-params the script also counts the arrays in a DJL
parameters file (the sta.params of a stanet weights folder) and says whether the two counts agree.

The batch is the one the Java session runs per frame: frames t-1, t, t+1 of SIZE x SIZE and the (1, 1, 257, 48)
log-spectrogram of frame t's 0.5 s window. Weights are random: timing does not depend on their values.
Exit status 3 when torch is missing.
"""
import argparse
import struct
import sys
import time

try:
    import torch
    import torch.nn.functional as F
    from torch import nn
except ImportError:
    print("torch is not installed for " + sys.executable + " (on Debian: apt-get install python3-torch)")
    sys.exit(3)

WIDTH = 32  # k, channels of every map after the encoder
ATTENTION_SIZE = 32  # k' of the audio-visual mask
VISUAL_STAGES = (32, 64, 96)
AUDIO_STAGES = (16, 32, 64, 64)
AUDIO_EMBEDDING = 128
FREQUENCY_BINS = 257
SPECTROGRAM_FRAMES = 1 + (8000 - 512) // 159  # AudioSpectrogram.segmentCount of the default window


def downsampling_stages(in_channels, channels):
    """Stride-2 3x3 conv + batch norm + ReLU per stage, as CompactEncoders.downsamplingStages."""
    layers = []
    for filters in channels:
        layers += [nn.Conv2d(in_channels, filters, 3, stride=2, padding=1), nn.BatchNorm2d(filters), nn.ReLU()]
        in_channels = filters
    return nn.Sequential(*layers)


def up(maps, height, width):
    """BilinearUpsampling.resize: PyTorch's bilinear interpolation with align_corners False."""
    if maps.shape[2] == height and maps.shape[3] == width:
        return maps
    return F.interpolate(maps, size=(height, width), mode="bilinear", align_corners=False)


class AudioEncoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.stages = downsampling_stages(1, AUDIO_STAGES)
        bands = FREQUENCY_BINS
        for _ in AUDIO_STAGES:
            bands = (bands + 1) // 2
        self.linear = nn.Linear(AUDIO_STAGES[-1] * bands, AUDIO_EMBEDDING)

    def forward(self, spectrogram):
        features = self.stages(spectrogram).mean(dim=3)  # average over time only
        return F.relu(self.linear(features.flatten(1)))


class SpatioTemporalMask(nn.Module):
    def __init__(self, channels, mask_channels):
        super().__init__()
        self.channels = channels
        self.temporal = nn.Conv3d(channels, channels, (3, 1, 1))
        self.spatial = nn.Conv3d(channels, channels, (1, 3, 3), padding=(0, 1, 1))
        self.output = nn.Conv3d(channels, mask_channels, (1, 3, 3), padding=(0, 1, 1))

    def forward(self, maps):
        b, c, h, w = maps[0].shape
        volume = torch.stack(maps, 1).reshape(b, c, 3, h, w)  # reshape, not permute, as the reference
        return torch.sigmoid(self.output(self.spatial(self.temporal(volume))).squeeze(2))


class AudioVisualMask(nn.Module):
    def __init__(self, features, attention_size, hidden_size):
        super().__init__()
        self.attention_size = attention_size
        self.visual_values = nn.Conv2d(features, attention_size, 1)
        self.audio_projection = nn.Linear(AUDIO_EMBEDDING, attention_size)
        self.visual_projection = nn.Linear(features, attention_size)
        self.hidden = nn.Conv2d(attention_size, hidden_size, 1)
        self.mask = nn.Conv2d(hidden_size, 1, 1)

    def forward(self, audio, features):
        b, _, h, w = features.shape
        values = self.visual_values(features).reshape(b, self.attention_size, -1)
        audio_column = self.audio_projection(audio).reshape(b, self.attention_size, 1)
        visual_row = self.visual_projection(features.reshape(b, features.shape[1], -1).mean(2))
        weights = torch.softmax(audio_column @ visual_row.reshape(b, 1, self.attention_size), dim=2)
        attended = (weights @ values).reshape(b, self.attention_size, h, w)
        return torch.sigmoid(self.mask(F.relu(self.hidden(attended))))


class SelfAttentionGate(nn.Module):
    def __init__(self, channels):
        super().__init__()
        reduced = max(1, channels // 2)
        self.query = nn.Conv2d(channels, reduced, 1)
        self.key = nn.Conv2d(channels, reduced, 1)
        self.value = nn.Conv2d(channels, channels, 1)
        self.gate = nn.Conv2d(channels, 1, 1, bias=False)

    def forward(self, x):
        b, c, h, w = x.shape
        f = self.query(x).reshape(b, -1, h * w)
        g = self.key(x).reshape(b, -1, h * w)
        v = self.value(x).reshape(b, -1, h * w)
        attention = torch.softmax(f.transpose(1, 2) @ g, dim=1)
        return x * torch.sigmoid(self.gate((v @ attention).reshape(b, c, h, w)))


class BranchFusion(nn.Module):
    def __init__(self, channels, masks):
        super().__init__()
        self.self_attention = SelfAttentionGate(channels)
        self.merge = nn.Conv2d(channels * (1 + masks), channels, 3, padding=1)

    def forward(self, x, *masks):
        branches = [F.relu(x + self.self_attention(x))] + [F.relu(x + x * m) for m in masks]
        return self.merge(torch.cat(branches, 1))


class StaNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.visual = downsampling_stages(3, VISUAL_STAGES)
        self.audio = AudioEncoder()
        self.shallow_projection = nn.Conv2d(VISUAL_STAGES[0], WIDTH, 1)
        self.middle_projection = nn.Conv2d(VISUAL_STAGES[1], WIDTH, 1)
        self.deep_projection = nn.Conv2d(VISUAL_STAGES[2], WIDTH, 1)
        self.temporal_mask = SpatioTemporalMask(WIDTH, WIDTH)
        self.audio_visual_mask = AudioVisualMask(VISUAL_STAGES[2], ATTENTION_SIZE, WIDTH)
        self.fusion = BranchFusion(WIDTH, 2)
        self.middle_merge = nn.Conv2d(2 * WIDTH, WIDTH, 3, padding=1)
        self.shallow_merge = nn.Conv2d(2 * WIDTH, WIDTH, 3, padding=1)
        self.coarse_readout = nn.Conv2d(WIDTH, 1, 1)
        self.fine_readout = nn.Conv2d(WIDTH, 1, 1)

    def stage_outputs(self, frames):
        outputs = []
        for index, layer in enumerate(self.visual):
            frames = layer(frames)
            if index % 3 == 2:
                outputs.append(frames)
        return outputs

    def forward(self, previous, current, following, spectrogram):
        height, width = current.shape[2], current.shape[3]
        shallow_all, middle_all, deep_all = self.stage_outputs(torch.cat([previous, current, following], 0))
        per_frame = self.deep_projection(deep_all).chunk(3, 0)
        x = per_frame[1]
        temporal = self.temporal_mask(list(per_frame))
        audio_visual = self.audio_visual_mask(self.audio(spectrogram), deep_all.chunk(3, 0)[1])
        fused = self.fusion(x, temporal, audio_visual)
        middle = self.middle_projection(middle_all.chunk(3, 0)[1])
        shallow = self.shallow_projection(shallow_all.chunk(3, 0)[1])
        coarse = F.relu(self.middle_merge(torch.cat([up(fused, *middle.shape[2:]), middle], 1)) + middle)
        coarse = up(coarse, *shallow.shape[2:])
        fine = F.relu(self.shallow_merge(torch.cat([coarse, shallow], 1)) + coarse)
        return (up(self.fine_readout(fine), height, width), up(self.coarse_readout(coarse), height, width))


def djl_style_count(net):
    """Parameters as DJL counts them: trainable ones plus batch-norm running mean and variance."""
    running = sum(b.numel() for name, b in net.named_buffers() if name.endswith(("running_mean", "running_var")))
    return sum(p.numel() for p in net.parameters()) + running


def count_djl_file(path):
    """Arrays and their elements in a DJL parameters file: each array is encoded with the 'NDAR' magic (format 3)."""
    data = open(path, "rb").read()
    magic = b"\x00\x04NDAR"
    arrays = elements = 0
    position = data.find(magic)
    while position >= 0:
        cursor = position + len(magic)
        version, = struct.unpack_from(">i", data, cursor)
        if version != 3:
            raise ValueError(f"{path}: NDArray encoding version {version}, this script reads version 3")
        cursor += 4
        if data[cursor]:  # the array's name, when it has one
            cursor += 3 + struct.unpack_from(">H", data, cursor + 1)[0]
        else:
            cursor += 1
        for _ in range(2):  # sparse format and data type
            cursor += 2 + struct.unpack_from(">H", data, cursor)[0]
        dimensions, = struct.unpack_from(">i", data, cursor)
        shape = struct.unpack_from(">" + "q" * dimensions, data, cursor + 4)
        cursor += 4 + 8 * dimensions
        cursor += 4 + 2 * struct.unpack_from(">i", data, cursor)[0] + 1  # layout characters, then byte order
        length, = struct.unpack_from(">i", data, cursor)
        count = 1
        for size in shape:
            count *= size
        arrays += 1
        elements += count
        position = data.find(magic, cursor + 4 + length)
    return arrays, elements


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, required=True, help="square input size of the net")
    parser.add_argument("--threads", type=int, required=True, help="intra-op threads, as the Java engine uses")
    parser.add_argument("--seconds", type=float, default=10, help="minimum measuring time")
    parser.add_argument("--djl-params", help="a DJL parameters file to count, e.g. WEIGHTS/sta.params")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    net = StaNet().eval()
    count = djl_style_count(net)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, python {sys.version.split()[0]}")
    print(f"parameters: {count} (DJL-style, incl. batch-norm running statistics), "
          f"{sum(p.numel() for p in net.parameters())} trainable")
    if args.djl_params:
        arrays, elements = count_djl_file(args.djl_params)
        verdict = "match" if elements == count else "DIFFER"
        print(f"java net ({args.djl_params}): {elements} parameters in {arrays} arrays: {verdict}")

    frame = torch.randn(1, 3, args.size, args.size)
    inputs = (frame, frame.clone(), frame.clone(), torch.randn(1, 1, FREQUENCY_BINS, SPECTROGRAM_FRAMES))
    with torch.no_grad():
        for _ in range(3):  # warm-up: allocator and kernel selection
            net(*inputs)
        passes = 0
        start = time.perf_counter()
        while time.perf_counter() - start < args.seconds:
            net(*inputs)
            passes += 1
        elapsed = time.perf_counter() - start
    print(f"{passes} forward passes at 1x3x{args.size}x{args.size} (x3 frames) in {elapsed:.2f} s")
    print(f"forward_ms_per_pass={1000 * elapsed / passes:.3f}")


if __name__ == "__main__":
    main()
