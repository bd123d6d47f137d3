package org.hpacell.nn.weights;

/**
 * The input-channel expansion of a convolution weight {@code (O, Cs, kh, kw)} to {@code (O, Ct, kh,
 * kw)}, {@code Ct > Cs}: channels {@code 0..Cs-1} are copied, every further channel is the mean of
 * the {@code Cs} copied ones (RGB filters give the yellow channel their average, as HPA solutions
 * do).
 */
final class ChannelExpansion {
    private ChannelExpansion() {}

    static boolean applies(long[] file, long[] network) {
        return file.length == 4 && network.length == 4 && file[0] == network[0] && file[2] == network[2]
                && file[3] == network[3] && file[1] > 0 && network[1] > file[1];
    }

    static float[] expand(HostTensor t, long[] network) {
        long[] s = t.shape();
        int out = (int) s[0];
        int cs = (int) s[1];
        int ct = (int) network[1];
        int k = (int) (s[2] * s[3]);
        float[] src = t.values();
        float[] dst = new float[out * ct * k];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < k; i++) {
                double sum = 0;
                for (int c = 0; c < cs; c++) {
                    float v = src[(o * cs + c) * k + i];
                    dst[(o * ct + c) * k + i] = v;
                    sum += v;
                }
                float mean = (float) (sum / cs);
                for (int c = cs; c < ct; c++) {
                    dst[(o * ct + c) * k + i] = mean;
                }
            }
        }
        return dst;
    }
}
