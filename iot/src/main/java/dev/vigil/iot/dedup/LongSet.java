package dev.vigil.iot.dedup;

/**
 * A set of non-zero {@code long}s in one array: open addressing with linear probing, 8 bytes a
 * slot and no object per entry, so that millions of event keys cost tens of megabytes. Not
 * thread-safe; {@link RecentEventIds} guards each one with its stripe's lock.
 */
final class LongSet {
    private static final int MIN_CAPACITY = 1024;
    private static final long EMPTY = 0L;

    private long[] slots = new long[MIN_CAPACITY];
    private int size;

    int size() {
        return size;
    }

    boolean contains(long key) {
        int mask = slots.length - 1;
        for (int index = slot(key, mask); ; index = (index + 1) & mask) {
            long slot = slots[index];
            if (slot == key) {
                return true;
            }
            if (slot == EMPTY) {
                return false;
            }
        }
    }

    /** @return whether the key was not there before */
    boolean add(long key) {
        // Resizing at 5/8 full keeps probe runs short.
        if ((size + 1) * 8L > slots.length * 5L) {
            resize(slots.length * 2);
        }
        int mask = slots.length - 1;
        for (int index = slot(key, mask); ; index = (index + 1) & mask) {
            long slot = slots[index];
            if (slot == key) {
                return false;
            }
            if (slot == EMPTY) {
                slots[index] = key;
                size++;
                return true;
            }
        }
    }

    /** Removes the key, shifting back the entries of its probe run so that no tombstone is left. */
    boolean remove(long key) {
        int mask = slots.length - 1;
        int index = slot(key, mask);
        while (slots[index] != key) {
            if (slots[index] == EMPTY) {
                return false;
            }
            index = (index + 1) & mask;
        }
        int hole = index;
        for (int next = (hole + 1) & mask; slots[next] != EMPTY; next = (next + 1) & mask) {
            int home = slot(slots[next], mask);
            // The entry at next may fill the hole if its home is not in (hole, next], cyclically.
            boolean homeAfterHole = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!homeAfterHole) {
                slots[hole] = slots[next];
                hole = next;
            }
        }
        slots[hole] = EMPTY;
        size--;
        return true;
    }

    private void resize(int capacity) {
        long[] old = slots;
        slots = new long[capacity];
        int mask = capacity - 1;
        for (long key : old) {
            if (key != EMPTY) {
                int index = slot(key, mask);
                while (slots[index] != EMPTY) {
                    index = (index + 1) & mask;
                }
                slots[index] = key;
            }
        }
    }

    /** Keys are already well mixed hashes; their low bits pick the slot. */
    private static int slot(long key, int mask) {
        return (int) key & mask;
    }
}
