#!/usr/bin/env python3
"""Times the per-frame work of Fixate's STA net in PyTorch, for `fixate bench-predict --compare-python`.

The net is built layer for layer like the Java one (provider-stanet nets/StaNet.java and spi/djl io/fixate/spi/djl/nn),
with the visual encoder --visual-encoder names (the compact stack or the TFLite-style MobileNetV2) and the compact
audio encoder: the same convolutions, kernel sizes, paddings, activations and bilinear resizes, so its parameter count
must equal the Java net's. DJL stores batch-norm running statistics as parameters while PyTorch keeps them as buffers,
so the count printed for comparison includes them. With --djl-params the script also counts the arrays in a DJL
parameters file (the sta.params of a stanet weights folder) and says whether the two counts agree.

The timed work is what the Java session does per frame of a stream: it encodes each frame once and keeps the encoder
maps of the last frames, so one step is the encoder on ONE new frame of SIZE x SIZE, then the decoder (temporal mask,
audio encoder on the (1, 1, 257, 48) log-spectrogram of frame t's 0.5 s window, audio-visual mask, fusion, merges,
readouts) on the kept maps of frames t-1, t, t+1. `forward_ms_per_pass` is that step. (Before 2026-12-07 it was one
forward of the whole net over the three frames, which the session ran per frame until then.)
Weights are random: timing does not depend on their values. Exit status 3 when torch is missing.
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
COMPACT_VISUAL_STAGES = (32, 64, 96)
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


class CompactVisualEncoder(nn.Module):
    """CompactEncoders.visual: three downsampling stages, each stage's output a feature depth (strides 2, 4, 8)."""

    def __init__(self):
        super().__init__()
        self.stages = downsampling_stages(3, COMPACT_VISUAL_STAGES)
        self.depth_channels = COMPACT_VISUAL_STAGES

    def forward(self, frames):
        outputs = []
        for index, layer in enumerate(self.stages):
            frames = layer(frames)
            if index % 3 == 2:
                outputs.append(frames)
        return outputs


class SameConv2d(nn.Conv2d):
    """Layers.sameConvolution: a biased convolution padded as TensorFlow's SAME (the extra pixel right and bottom)."""

    def __init__(self, in_channels, filters, kernel, stride, groups):
        super().__init__(in_channels, filters, kernel, stride=stride, groups=groups,
                         padding=kernel // 2 if stride == 1 else 0)

    def forward(self, maps):
        if self.stride[0] != 1:
            kernel, stride = self.kernel_size[0], self.stride[0]
            height, width = maps.shape[2], maps.shape[3]
            pad_height = max((height + stride - 1) // stride * stride - stride + kernel - height, 0)
            pad_width = max((width + stride - 1) // stride * stride - stride + kernel - width, 0)
            maps = F.pad(maps, (pad_width // 2, pad_width - pad_width // 2,
                                pad_height // 2, pad_height - pad_height // 2))
        return super().forward(maps)


class InvertedResidual(nn.Module):
    """MobileNetV2.invertedResidual: expansion (unless t = 1), depthwise 3x3, linear projection, residual sum."""

    def __init__(self, in_channels, out_channels, expansion, stride):
        super().__init__()
        hidden = in_channels * expansion
        layers = [SameConv2d(in_channels, hidden, 1, 1, 1), nn.ReLU6()] if expansion != 1 else []
        layers += [SameConv2d(hidden, hidden, 3, stride, hidden), nn.ReLU6(), SameConv2d(hidden, out_channels, 1, 1, 1)]
        self.body = nn.Sequential(*layers)
        self.residual = stride == 1 and in_channels == out_channels

    def forward(self, maps):
        return maps + self.body(maps) if self.residual else self.body(maps)


class MobileNetV2Encoder(nn.Module):
    """MobileNetV2.visual, as TFLite holds it (batch norm folded, so no normalisation layer), up to its 320 channels."""

    STEM_CHANNELS = 32
    STAGES = ((1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2),
              (6, 320, 1, 1))  # expansion t, channels c, repeats n, first stride s
    EXPOSED_STAGES = (2, 4, 6)  # 32 channels at stride 8, 96 at 16, 320 at 32

    def __init__(self):
        super().__init__()
        blocks = [nn.Sequential(SameConv2d(3, self.STEM_CHANNELS, 3, 2, 1), nn.ReLU6())]
        channels = self.STEM_CHANNELS
        self.exposed_after = []
        for stage, (expansion, filters, repeats, stride) in enumerate(self.STAGES):
            for repeat in range(repeats):
                blocks.append(InvertedResidual(channels, filters, expansion, stride if repeat == 0 else 1))
                channels = filters
            if stage in self.EXPOSED_STAGES:
                self.exposed_after.append(len(blocks))
        self.blocks = nn.Sequential(*blocks)
        self.depth_channels = tuple(self.STAGES[stage][1] for stage in self.EXPOSED_STAGES)

    def forward(self, frames):
        outputs = []
        for done, block in enumerate(self.blocks, 1):
            frames = block(frames)
            if done in self.exposed_after:
                outputs.append(frames)
        return outputs


VISUAL_ENCODERS = {"compact": CompactVisualEncoder, "mobilenet-v2": MobileNetV2Encoder}


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
    """StaNet with its encode/decode split: the STA head reads the three deepest depths of the visual encoder."""

    def __init__(self, visual):
        super().__init__()
        self.visual = visual
        shallow_channels, middle_channels, deep_channels = visual.depth_channels[-3:]
        self.audio = AudioEncoder()
        self.shallow_projection = nn.Conv2d(shallow_channels, WIDTH, 1)
        self.middle_projection = nn.Conv2d(middle_channels, WIDTH, 1)
        self.deep_projection = nn.Conv2d(deep_channels, WIDTH, 1)
        self.temporal_mask = SpatioTemporalMask(WIDTH, WIDTH)
        self.audio_visual_mask = AudioVisualMask(deep_channels, ATTENTION_SIZE, WIDTH)
        self.fusion = BranchFusion(WIDTH, 2)
        self.middle_merge = nn.Conv2d(2 * WIDTH, WIDTH, 3, padding=1)
        self.shallow_merge = nn.Conv2d(2 * WIDTH, WIDTH, 3, padding=1)
        self.coarse_readout = nn.Conv2d(WIDTH, 1, 1)
        self.fine_readout = nn.Conv2d(WIDTH, 1, 1)

    def encode(self, frames):
        """StaNet.encode: the shallow, middle and deep maps of the frames."""
        return self.visual(frames)[-3:]

    def decode(self, previous, current, following, spectrogram, height, width):
        """StaNet.decode: fine and coarse logits of frame t from the encoded frames t-1, t, t+1."""
        per_frame = self.deep_projection(torch.cat([previous[2], current[2], following[2]], 0)).chunk(3, 0)
        x = per_frame[1]
        temporal = self.temporal_mask(list(per_frame))
        audio_visual = self.audio_visual_mask(self.audio(spectrogram), current[2])
        fused = self.fusion(x, temporal, audio_visual)
        middle = self.middle_projection(current[1])
        shallow = self.shallow_projection(current[0])
        coarse = F.relu(self.middle_merge(torch.cat([up(fused, *middle.shape[2:]), middle], 1)) + middle)
        coarse = up(coarse, *shallow.shape[2:])
        fine = F.relu(self.shallow_merge(torch.cat([coarse, shallow], 1)) + coarse)
        return (up(self.fine_readout(fine), height, width), up(self.coarse_readout(coarse), height, width))


def stream_step(net, encoded, frame, spectrogram):
    """The session's work for one new frame: encode it, keep the last three frames' maps, decode the middle one."""
    encoded.append(net.encode(frame))
    del encoded[:-3]
    return net.decode(*encoded, spectrogram, frame.shape[2], frame.shape[3])


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
    parser.add_argument("--seconds", type=float, default=10, help="minimum measuring time (at least one step)")
    parser.add_argument("--visual-encoder", choices=sorted(VISUAL_ENCODERS), default="compact",
                        help="the visual encoder of the Java net (its weights' manifest.json: visualEncoder)")
    parser.add_argument("--djl-params", help="a DJL parameters file to count, e.g. WEIGHTS/sta.params")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    net = StaNet(VISUAL_ENCODERS[args.visual_encoder]()).eval()
    count = djl_style_count(net)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, python {sys.version.split()[0]}, "
          f"visual encoder {args.visual_encoder}, audio encoder compact")
    print(f"parameters: {count} (DJL-style, incl. batch-norm running statistics), "
          f"{sum(p.numel() for p in net.parameters())} trainable")
    if args.djl_params:
        arrays, elements = count_djl_file(args.djl_params)
        verdict = "match" if elements == count else "DIFFER"
        print(f"java net ({args.djl_params}): {elements} parameters in {arrays} arrays: {verdict}")

    frame = torch.randn(1, 3, args.size, args.size)
    spectrogram = torch.randn(1, 1, FREQUENCY_BINS, SPECTROGRAM_FRAMES)
    with torch.no_grad():
        encoded = [net.encode(frame), net.encode(frame)]  # the stream's first two frames
        for _ in range(3):  # warm-up: allocator and kernel selection
            stream_step(net, encoded, frame, spectrogram)
        passes = 0
        start = time.perf_counter()
        while passes == 0 or time.perf_counter() - start < args.seconds:
            stream_step(net, encoded, frame, spectrogram)
            passes += 1
        elapsed = time.perf_counter() - start
    print(f"{passes} stream steps (encoder on one new 1x3x{args.size}x{args.size} frame, decoder on the kept maps "
          f"of three) in {elapsed:.2f} s")
    print(f"forward_ms_per_pass={1000 * elapsed / passes:.3f}")

if __name__ == "__main__":
    main()
