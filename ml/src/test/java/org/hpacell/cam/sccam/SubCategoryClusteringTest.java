package org.hpacell.cam.sccam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hpacell.cam.sccam.SubCategoryClustering.PooledImage;
import org.junit.jupiter.api.Test;

class SubCategoryClusteringTest {
    /** 60 images, 3 classes; class 0's images form two well separated blobs. */
    private static List<PooledImage> images() {
        Random r = new Random(1);
        List<PooledImage> out = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            float centre = i % 2 == 0 ? -5f : 5f;
            float[] f = {centre + (float) r.nextGaussian() * 0.1f, (float) r.nextGaussian(), (float) r.nextGaussian()};
            boolean[] labels = {true, i % 3 == 0, i == 7};
            out.add(new PooledImage("f" + i, f, labels));
        }
        return out;
    }

    @Test
    void subLabelsAreDeterministicForASeed() {
        SubCategoryLabels a = new SubCategoryClustering(10, 42).cluster(images());
        SubCategoryLabels b = new SubCategoryClustering(10, 42).cluster(images());
        assertEquals(a, b);
        SubCategoryLabels c = new SubCategoryClustering(10, 43).cluster(images());
        assertNotEquals(a, c, "another seed should give another k-means++ start");
    }

    @Test
    void twoBlobsSplitIntoTwoSubCategories() {
        SubCategoryLabels s = new SubCategoryClustering(2, 5).cluster(images());
        int left = s.assignment().get("f0")[0];
        for (int i = 0; i < 60; i++) {
            int j = s.assignment().get("f" + i)[0];
            assertEquals(i % 2 == 0 ? left : 1 - left, j, "image " + i);
        }
    }

    @Test
    void targetsAreOneHotPerPresentClass() {
        SubCategoryLabels s = new SubCategoryClustering(10, 42).cluster(images());
        assertEquals(30, s.outputs());
        float[] t = s.target("f7");
        int[] a = s.assignment().get("f7");
        assertEquals(-1, a[1]);
        assertEquals(0, a[2], "a class with one image has one sub-category");
        float sum = 0;
        for (float v : t) {
            sum += v;
        }
        assertEquals(2f, sum);
        assertEquals(1f, t[a[0]]);
        assertEquals(1f, t[20]);
        assertTrue(a[0] >= 0 && a[0] < 10);
        int[] f3 = s.assignment().get("f3");
        assertArrayEquals(new int[] {f3[0], f3[1], -1}, f3);
        assertTrue(f3[1] >= 0);
    }
}
