package dev.vigil.iot.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestLongSet {

    @Test
    void testAgreesWithAHashSetThroughAddsRemovalsAndGrowth() {
        Random random = new Random(20240506);
        LongSet set = new LongSet();
        Set<Long> expected = new HashSet<>();
        for (int step = 0; step < 20_000; step++) {
            // few distinct low bits, so that probe runs are long and removals shift entries back across them
            long key = (random.nextInt(512) << 20 | random.nextInt(64)) + 1L;
            if (random.nextInt(3) == 0) {
                assertThat(set.remove(key)).isEqualTo(expected.remove(key));
            } else {
                assertThat(set.add(key)).isEqualTo(expected.add(key));
            }
        }
        assertThat(set.size()).isEqualTo(expected.size());
        for (long key = 1; key < 512L << 20; key += 1 << 20) {
            for (int low = 0; low < 64; low++) {
                assertThat(set.contains(key + low)).isEqualTo(expected.contains(key + low));
            }
        }
    }

    @Test
    void testEntriesWrappingPastTheEndOfTheArrayAreFoundAfterARemoval() {
        LongSet set = new LongSet();
        long lastSlot = 1023;
        long[] keys = {lastSlot, lastSlot + 1024, lastSlot + 2048, 1};
        for (long key : keys) {
            set.add(key);
        }

        set.remove(lastSlot);

        assertThat(set.contains(lastSlot + 1024)).isTrue();
        assertThat(set.contains(lastSlot + 2048)).isTrue();
        assertThat(set.contains(1)).isTrue();
        assertThat(set.contains(lastSlot)).isFalse();
        assertThat(set.size()).isEqualTo(3);
    }
}
