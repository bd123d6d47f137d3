package org.hpacell.segment.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The flood queues against each other: the same pops, ties included. */
class FloodQueueTest {
    @Test
    void equalKeysPopInHeapOrderNotEntryOrder() {
        // the reason no FIFO-per-level queue can replace the heap for the markers (see FloodQueue)
        for (FloodQueue q : new FloodQueue[] {new HeapFloodQueue(16), new PackedFloodQueue(8, 20, 24, 16)}) {
            q.push(3, 0, 0);
            q.push(3, 0, 1);
            q.push(3, 0, 2);
            assertEquals(0, q.pop());
            assertEquals(2, q.pop());
            assertEquals(1, q.pop());
            assertTrue(q.poppedMarker());
        }
    }

    @Test
    void packedHeapPopsAsThePlainHeapWithManyTies() {
        Random rnd = new Random(5);
        for (int t = 0; t < 60; t++) {
            int levels = 1 + rnd.nextInt(t % 3 == 0 ? 2 : 40);
            int markers = rnd.nextInt(3000);
            FloodQueue plain = new HeapFloodQueue(16);
            FloodQueue packed = new PackedFloodQueue(8, 20, 24, 16);
            // markers first, all age 0 (the ties), then pops interleaved with aged pushes as in a flood
            for (int i = 0; i < markers; i++) {
                int level = rnd.nextInt(levels);
                plain.push(level, 0, i);
                packed.push(level, 0, i);
            }
            int age = 1;
            int steps = 0;
            while (!plain.isEmpty()) {
                assertTrue(!packed.isEmpty(), "case " + t);
                int p = plain.pop();
                assertEquals(p, packed.pop(), "case " + t + ", pop " + steps);
                assertEquals(plain.poppedMarker(), packed.poppedMarker(), "case " + t + ", pop " + steps);
                int pushes = age < 6000 ? rnd.nextInt(4) : 0;
                for (int k = 0; k < pushes; k++) {
                    int level = rnd.nextInt(levels);
                    plain.push(level, age, 100000 + age);
                    packed.push(level, age, 100000 + age);
                    age++;
                }
                steps++;
            }
            assertTrue(packed.isEmpty(), "case " + t);
        }
    }
}
