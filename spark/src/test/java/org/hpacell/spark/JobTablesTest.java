package org.hpacell.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JobTablesTest {
    @Test
    void defaultPartitionsAreFourPerSlotButNoMoreThanFields() {
        assertEquals(8, JobTables.partitions(0, 2, 100));
        assertEquals(3, JobTables.partitions(0, 2, 3));
        assertEquals(1, JobTables.partitions(0, 2, 0), "an empty listing still has one partition");
        assertEquals(5, JobTables.partitions(5, 2, 100), "an explicit count wins");
    }
}
