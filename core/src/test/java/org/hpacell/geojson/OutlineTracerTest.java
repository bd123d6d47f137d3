package org.hpacell.geojson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Path2D;
import java.util.List;
import java.util.Random;
import org.hpacell.image.BinaryMask;
import org.junit.jupiter.api.Test;

/** Masks traced to polygons cover exactly their pixels, with holes and pieces where the mask has them. */
class OutlineTracerTest {

    /** A mask from rows of '#' (set) and '.' (clear). */
    static BinaryMask mask(String... rows) {
        int w = rows[0].length();
        boolean[] px = new boolean[w * rows.length];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = rows[y].charAt(x) == '#';
            }
        }
        return BinaryMask.ofRowMajor(w, rows.length, px);
    }

    /** Pixels whose centres lie inside the polygons (even-odd over every ring), drawn with the JDK's geometry. */
    static boolean[] rasterise(List<OutlinePolygon> polygons, int w, int h) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (OutlinePolygon p : polygons) {
            add(path, p.shell());
            p.holes().forEach(r -> add(path, r));
        }
        boolean[] out = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = path.contains(x + 0.5, y + 0.5);
            }
        }
        return out;
    }

    private static void add(Path2D.Double path, Ring r) {
        path.moveTo(r.x()[0], r.y()[0]);
        for (int i = 1; i < r.size(); i++) {
            path.lineTo(r.x()[i], r.y()[i]);
        }
        path.closePath();
    }

    @Test
    void onePixelIsAUnitSquareOnPixelCorners() {
        List<OutlinePolygon> p = OutlineTracer.trace(mask("...", ".#.", "..."));
        assertEquals(1, p.size());
        assertEquals(new Ring(new int[] {1, 2, 2, 1}, new int[] {1, 1, 2, 2}), p.get(0).shell());
        assertTrue(p.get(0).holes().isEmpty());
        assertEquals(2, p.get(0).shell().doubleArea(), "outer rings have positive area (RFC 7946)");
    }

    @Test
    void aRingShapedCellHasOneHole() {
        List<OutlinePolygon> p = OutlineTracer.trace(mask("####", "#..#", "####"));
        assertEquals(1, p.size());
        assertEquals(new Ring(new int[] {0, 4, 4, 0}, new int[] {0, 0, 3, 3}), p.get(0).shell());
        assertEquals(List.of(new Ring(new int[] {1, 1, 3, 3}, new int[] {1, 2, 2, 1})), p.get(0).holes());
        assertEquals(-4, p.get(0).holes().get(0).doubleArea());
    }

    @Test
    void diagonalNeighboursArePiecesTouchingAtACorner() {
        List<OutlinePolygon> p = OutlineTracer.trace(mask("#.", ".#"));
        assertEquals(2, p.size());
        assertEquals(new Ring(new int[] {0, 1, 1, 0}, new int[] {0, 0, 1, 1}), p.get(0).shell());
        assertEquals(new Ring(new int[] {1, 2, 2, 1}, new int[] {1, 1, 2, 2}), p.get(1).shell());
    }

    @Test
    void aHoleOpenAtOneCornerIsStillAHoleTouchingTheShell() {
        // the hole's corner pixel meets the outside only diagonally, at (3, 3)
        BinaryMask m = mask(
                "####.",
                "#..#.",
                "#.##.",
                "###.#",
                "....#");
        List<OutlinePolygon> p = OutlineTracer.trace(m);
        assertEquals(2, p.size(), p.toString());
        assertEquals(1, p.get(0).holes().size(), p.toString());
        assertArrayEquals(m.toRowMajor(), rasterise(p, 5, 5));
        for (OutlinePolygon q : p) {
            assertSimple(q.shell());
            q.holes().forEach(OutlineTracerTest::assertSimple);
        }
    }

    @Test
    void anIslandInAHoleIsItsOwnPolygon() {
        List<OutlinePolygon> p = OutlineTracer.trace(mask(
                "#####",
                "#...#",
                "#.#.#",
                "#...#",
                "#####"));
        assertEquals(2, p.size());
        assertEquals(1, p.get(0).holes().size());
        assertEquals(new Ring(new int[] {2, 3, 3, 2}, new int[] {2, 2, 3, 3}), p.get(1).shell());
    }

    @Test
    void randomMasksRasteriseBackToThemselves() {
        Random rnd = new Random(18);
        for (int trial = 0; trial < 300; trial++) {
            int w = 1 + rnd.nextInt(12);
            int h = 1 + rnd.nextInt(12);
            double density = 0.2 + 0.7 * rnd.nextDouble();
            boolean[] px = new boolean[w * h];
            for (int i = 0; i < px.length; i++) {
                px[i] = rnd.nextDouble() < density;
            }
            BinaryMask m = BinaryMask.ofRowMajor(w, h, px);
            List<OutlinePolygon> p = OutlineTracer.trace(m);
            assertArrayEquals(px, rasterise(p, w, h), "trial " + trial);
            long area = 0;
            for (OutlinePolygon q : p) {
                assertSimple(q.shell());
                area += q.shell().doubleArea();
                for (Ring r : q.holes()) {
                    assertSimple(r);
                    assertTrue(r.doubleArea() < 0);
                    area += r.doubleArea();
                }
            }
            assertEquals(2L * m.area(), area, "trial " + trial + ": signed areas add up to the pixel count");
        }
    }

    /** No vertex twice, no collinear vertex, rectilinear steps. */
    private static void assertSimple(Ring r) {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < r.size(); i++) {
            assertTrue(seen.add(((long) r.x()[i] << 32) | r.y()[i]), "vertex twice in " + r);
            int j = (i + 1) % r.size();
            int k = (i + 2) % r.size();
            assertTrue(r.x()[i] == r.x()[j] ^ r.y()[i] == r.y()[j], "not rectilinear: " + r);
            boolean collinear = (r.x()[i] == r.x()[j] && r.x()[j] == r.x()[k]) || (r.y()[i] == r.y()[j] && r.y()[j] == r.y()[k]);
            assertTrue(!collinear, "collinear vertex in " + r);
        }
    }
}
