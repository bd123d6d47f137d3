package org.hpacell.geojson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.hpacell.image.BinaryMask;
import org.hpacell.image.Box;

/**
 * Traces a binary mask into polygons on pixel corners: pixel {@code (x, y)} is the unit square from
 * {@code (x, y)} to {@code (x + 1, y + 1)}, as QuPath places pixels, so a one-pixel cell is a unit square
 * and every polygon covers exactly its mask's pixels.
 *
 * <p>Every pixel side between the mask and the outside is an edge, directed so the mask lies to its
 * right on screen (y down). Where two mask pixels touch only at a corner the trace turns towards the
 * mask, so pieces joined only diagonally become separate polygons (4-connected pieces). A traced loop
 * that passes one corner twice is split there into simple rings. Rings with positive area are outer
 * rings, the others holes, each given to the smallest outer ring around it. Collinear vertices are
 * dropped, and every ring starts at its top-most, then left-most vertex.
 *
 * <p>The result is valid in the OGC sense QuPath's geometry library checks: rings are simple, pieces
 * and holes meet at most at single corners. Work is proportional to the mask's bounding box.
 */
final class OutlineTracer {
    private static final int[] DX = {1, 0, -1, 0};
    private static final int[] DY = {0, 1, 0, -1};

    private OutlineTracer() {
    }

    /** The polygons of {@code mask}, ordered by their outer ring's first vertex (row, then column); none if empty. */
    static List<OutlinePolygon> trace(BinaryMask mask) {
        if (mask.isEmpty()) {
            return List.of();
        }
        Box b = mask.bounds();
        int gw = b.width() + 1;
        boolean[] edge = edges(mask, b, gw);
        List<Ring> shells = new ArrayList<>();
        List<Ring> holes = new ArrayList<>();
        boolean[] used = new boolean[edge.length];
        int[] position = new int[edge.length / 4];
        Arrays.fill(position, -1);
        for (int e = 0; e < edge.length; e++) {
            if (edge[e] && !used[e]) {
                for (Ring r : loops(edge, used, e, gw, b, position)) {
                    (r.doubleArea() > 0 ? shells : holes).add(r);
                }
            }
        }
        return assemble(shells, holes);
    }

    /** The directed boundary edges: {@code edge[v * 4 + d]} leaves grid vertex {@code v} in direction {@code d}. */
    private static boolean[] edges(BinaryMask mask, Box b, int gw) {
        int bw = b.width();
        int bh = b.height();
        boolean[] edge = new boolean[gw * (bh + 1) * 4];
        for (int r = 0; r < bh; r++) {
            for (int c = 0; c < bw; c++) {
                if (!inside(mask, b, c, r)) {
                    continue;
                }
                if (!inside(mask, b, c, r - 1)) {
                    edge[(r * gw + c) * 4] = true;
                }
                if (!inside(mask, b, c + 1, r)) {
                    edge[(r * gw + c + 1) * 4 + 1] = true;
                }
                if (!inside(mask, b, c, r + 1)) {
                    edge[((r + 1) * gw + c + 1) * 4 + 2] = true;
                }
                if (!inside(mask, b, c - 1, r)) {
                    edge[((r + 1) * gw + c) * 4 + 3] = true;
                }
            }
        }
        return edge;
    }

    private static boolean inside(BinaryMask mask, Box b, int c, int r) {
        return c >= 0 && r >= 0 && c < b.width() && r < b.height() && mask.get(b.x() + c, b.y() + r);
    }

    /**
     * Follows the edges from {@code start} until it returns to it, splitting the loop into simple rings
     * at every corner it passes twice. {@code position} is all -1 on entry and on return.
     */
    private static List<Ring> loops(boolean[] edge, boolean[] used, int start, int gw, Box b, int[] position) {
        List<Ring> out = new ArrayList<>();
        int[] vertex = new int[16];
        int[] dir = new int[16];
        int top = 0;
        int v = start / 4;
        int d = start % 4;
        while (true) {
            used[v * 4 + d] = true;
            int p = position[v];
            if (p >= 0) {
                out.add(ring(vertex, dir, p, top, gw, b));
                for (int k = p + 1; k < top; k++) {
                    position[vertex[k]] = -1;
                }
                top = p + 1;
                dir[p] = d;
            } else {
                if (top == vertex.length) {
                    vertex = Arrays.copyOf(vertex, top * 2);
                    dir = Arrays.copyOf(dir, top * 2);
                }
                vertex[top] = v;
                dir[top] = d;
                position[v] = top++;
            }
            int next = v + DX[d] + DY[d] * gw;
            int nd = turn(edge, next, d);
            v = next;
            d = nd;
            if (v * 4 + d == start) {
                out.add(ring(vertex, dir, 0, top, gw, b));
                for (int k = 0; k < top; k++) {
                    position[vertex[k]] = -1;
                }
                return out;
            }
        }
    }

    /** The edge leaving {@code v} after arriving in direction {@code d}: right turn, else straight, else left. */
    private static int turn(boolean[] edge, int v, int d) {
        for (int t : new int[] {1, 0, 3}) {
            int nd = (d + t) % 4;
            if (edge[v * 4 + nd]) {
                return nd;
            }
        }
        throw new IllegalStateException("boundary edge without a successor at grid vertex " + v);
    }

    /** The ring of stack entries {@code from..to-1}, collinear vertices dropped, started at its top-left vertex. */
    private static Ring ring(int[] vertex, int[] dir, int from, int to, int gw, Box b) {
        int n = to - from;
        int[] xs = new int[n];
        int[] ys = new int[n];
        int m = 0;
        int first = -1;
        for (int k = 0; k < n; k++) {
            int i = from + k;
            int prev = from + (k + n - 1) % n;
            if (dir[i] == dir[prev]) {
                continue;
            }
            xs[m] = b.x() + vertex[i] % gw;
            ys[m] = b.y() + vertex[i] / gw;
            if (first < 0 || ys[m] < ys[first] || (ys[m] == ys[first] && xs[m] < xs[first])) {
                first = m;
            }
            m++;
        }
        int[] rx = new int[m];
        int[] ry = new int[m];
        for (int k = 0; k < m; k++) {
            rx[k] = xs[(first + k) % m];
            ry[k] = ys[(first + k) % m];
        }
        return new Ring(rx, ry);
    }

    /** Gives every hole to the smallest outer ring around it. */
    private static List<OutlinePolygon> assemble(List<Ring> shells, List<Ring> holes) {
        Comparator<Ring> order = Comparator.<Ring>comparingInt(r -> r.y()[0]).thenComparingInt(r -> r.x()[0]);
        shells.sort(order);
        holes.sort(order);
        List<List<Ring>> holesOf = new ArrayList<>();
        shells.forEach(s -> holesOf.add(new ArrayList<>()));
        for (Ring h : holes) {
            double[] p = h.pointOnVerticalEdge();
            int best = -1;
            for (int s = 0; s < shells.size(); s++) {
                Ring shell = shells.get(s);
                if (shell.contains(p[0], p[1])
                        && (best < 0 || shell.doubleArea() < shells.get(best).doubleArea())) {
                    best = s;
                }
            }
            if (best < 0) {
                throw new IllegalStateException("a hole outside every outer ring: " + h);
            }
            holesOf.get(best).add(h);
        }
        List<OutlinePolygon> out = new ArrayList<>();
        for (int s = 0; s < shells.size(); s++) {
            out.add(new OutlinePolygon(shells.get(s), holesOf.get(s)));
        }
        return out;
    }
}
