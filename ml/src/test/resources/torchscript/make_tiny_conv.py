# Makes tiny-conv.pt, the TorchScript test model of TorchScriptModelsTest (run with /usr/bin/python3,
# Debian's python3-torch; the file loads in libtorch 2.7.1 through DJL).
import torch

class TinyConv(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(2, 3, 3, padding=1)
        with torch.no_grad():
            self.conv.weight.copy_(torch.arange(54, dtype=torch.float32).reshape(3, 2, 3, 3) / 54 - 0.5)
            self.conv.bias.copy_(torch.tensor([0.1, -0.2, 0.3]))

    def forward(self, x):
        return torch.relu(self.conv(x))

torch.jit.trace(TinyConv().eval(), torch.zeros(1, 2, 8, 8)).save("tiny-conv.pt")


# tiny-two-scale.pt: a two-stage encoder returning a tuple of feature maps, finest first
# (4 channels at stride 1, 6 channels at stride 2), as a TorchScript U-Net encoder would.
class TwoScale(torch.nn.Module):
    def __init__(self):
        super().__init__()
        torch.manual_seed(0)
        self.stage0 = torch.nn.Conv2d(2, 4, 3, padding=1)
        self.stage1 = torch.nn.Conv2d(4, 6, 3, stride=2, padding=1)

    def forward(self, x):
        a = torch.relu(self.stage0(x))
        return a, torch.relu(self.stage1(a))

torch.jit.trace(TwoScale().eval(), torch.zeros(1, 2, 8, 8)).save("tiny-two-scale.pt")
