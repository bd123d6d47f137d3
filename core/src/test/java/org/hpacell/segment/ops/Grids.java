package org.hpacell.segment.ops;

/** Small images written as text rows for the tests: "1.0\n.1." gives a 3x2 int or boolean image. */
final class Grids {
    private Grids() {
    }

    static int[] ints(String... rows) {
        int w = rows[0].length();
        int[] a = new int[w * rows.length];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < w; x++) {
                char c = rows[y].charAt(x);
                a[y * w + x] = c == '.' ? 0 : Character.digit(c, 36);
            }
        }
        return a;
    }

    static boolean[] bits(String... rows) {
        int[] v = ints(rows);
        boolean[] b = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = v[i] != 0;
        }
        return b;
    }

    static int[] ints(boolean[] b) {
        int[] v = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            v[i] = b[i] ? 1 : 0;
        }
        return v;
    }
}
