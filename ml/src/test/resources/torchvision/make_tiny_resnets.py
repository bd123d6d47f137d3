# Makes tiny-basic.npz and tiny-bottleneck.npz for TorchvisionEquivalenceTest: narrow ResNets with
# torchvision's layer structure (written out here because torchvision's own classes fix the widths at
# 64..512, which would make files of tens of MB), random weights and batch-norm statistics, an input
# and PyTorch's eval-mode output. Run with Debian's python3-torch: /usr/bin/python3 make_tiny_resnets.py
import numpy as np
import torch
from torch import nn


def conv(cin, cout, k, stride):
    return nn.Conv2d(cin, cout, k, stride=stride, padding=k // 2, bias=False)


class Basic(nn.Module):
    expansion = 1

    def __init__(self, cin, width, stride):
        super().__init__()
        self.conv1, self.bn1 = conv(cin, width, 3, stride), nn.BatchNorm2d(width)
        self.conv2, self.bn2 = conv(width, width, 3, 1), nn.BatchNorm2d(width)
        self.relu = nn.ReLU()
        self.downsample = None
        if stride != 1 or cin != width:
            self.downsample = nn.Sequential(conv(cin, width, 1, stride), nn.BatchNorm2d(width))

    def forward(self, x):
        y = self.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        return self.relu(y + (x if self.downsample is None else self.downsample(x)))


class Bottleneck(nn.Module):
    expansion = 4

    def __init__(self, cin, width, stride):
        super().__init__()
        out = width * 4
        self.conv1, self.bn1 = conv(cin, width, 1, 1), nn.BatchNorm2d(width)
        self.conv2, self.bn2 = conv(width, width, 3, stride), nn.BatchNorm2d(width)  # stride on the 3x3
        self.conv3, self.bn3 = conv(width, out, 1, 1), nn.BatchNorm2d(out)
        self.relu = nn.ReLU()
        self.downsample = None
        if stride != 1 or cin != out:
            self.downsample = nn.Sequential(conv(cin, out, 1, stride), nn.BatchNorm2d(out))

    def forward(self, x):
        y = self.relu(self.bn1(self.conv1(x)))
        y = self.relu(self.bn2(self.conv2(y)))
        y = self.bn3(self.conv3(y))
        return self.relu(y + (x if self.downsample is None else self.downsample(x)))


class ResNet(nn.Module):
    def __init__(self, block, units, widths, in_ch, classes, stem=8):
        super().__init__()
        self.conv1, self.bn1 = nn.Conv2d(in_ch, stem, 7, 2, 3, bias=False), nn.BatchNorm2d(stem)
        self.relu, self.maxpool = nn.ReLU(), nn.MaxPool2d(3, 2, 1)
        cin = stem
        for i, (n, w) in enumerate(zip(units, widths)):
            blocks = []
            for u in range(n):
                blocks.append(block(cin, w, (1 if i == 0 else 2) if u == 0 else 1))
                cin = w * block.expansion
            setattr(self, "layer%d" % (i + 1), nn.Sequential(*blocks))
        self.fc = nn.Linear(cin, classes)

    def features(self, x):
        x = self.maxpool(self.relu(self.bn1(self.conv1(x))))
        return self.layer4(self.layer3(self.layer2(self.layer1(x))))

    def forward(self, x):
        f = self.features(x)
        return self.fc(f.mean((2, 3))), f


def make(name, block, units, widths, seed):
    torch.manual_seed(seed)
    net = ResNet(block, units, widths, in_ch=4, classes=5)
    with torch.no_grad():
        for m in net.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.weight.uniform_(0.5, 1.5)
                m.bias.uniform_(-0.2, 0.2)
                m.running_mean.uniform_(-0.3, 0.3)
                m.running_var.uniform_(0.5, 2.0)
    net.eval()
    x = torch.randn(1, 4, 48, 48)
    with torch.no_grad():
        logits, features = net(x)
    arrays = {k: v.numpy() for k, v in net.state_dict().items()}
    arrays["__input"] = x.numpy()
    arrays["__logits"] = logits.numpy()
    arrays["__features"] = features.numpy()
    np.savez_compressed(name, **arrays)


make("tiny-basic.npz", Basic, [2, 1, 1, 1], [4, 8, 8, 8], 1)
make("tiny-bottleneck.npz", Bottleneck, [1, 2, 1, 1], [2, 4, 4, 4], 2)
