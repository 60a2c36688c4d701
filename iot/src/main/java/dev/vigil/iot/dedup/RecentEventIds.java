package dev.vigil.iot.dedup;

import dev.vigil.iot.message.SecurityEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The security event ids each device sent within the deduplication window, so that an event sent
 * again (an at-least-once retry, or a resend after a lost acknowledgement) is acknowledged but
 * neither stored, counted nor inspected a second time.
 *
 * <p>Memory: a key of 8 bytes per id ({@link EventKeys}) in open-addressing arrays, no object per
 * id. The keys are spread over {@value #STRIPES} stripes, each with its own lock, so that
 * concurrent intake rarely waits and no single array grows huge. A stripe keeps its ids in
 * generations of 1/{@value #GENERATIONS} of the window, aligned on the clock; a generation is
 * dropped whole once all of its ids are older than the window, so an id is remembered for at
 * least the window and at most one generation longer. When a stripe holds its share of
 * {@link DedupSettings#maxIds()}, its oldest generation is dropped early.
 *
 * <p>An id is claimed when its message arrives, before it is stored: a copy arriving while the
 * original is still being stored waits for that storage and fails with it, so a device is never
 * told a duplicate is taken unless the original is. A claim whose storage fails is withdrawn, so
 * that the device's retry is taken.
 */
public final class RecentEventIds {
    static final int STRIPES = 16;
    static final int GENERATIONS = 8;
    private static final CompletableFuture<Void> ALREADY_STORED = CompletableFuture.completedFuture(null);

    private final DedupSettings settings;
    private final Clock clock;
    private final EventKeys keys;
    private final long generationMillis;
    private final long windowMillis;
    private final long maxIdsPerStripe;
    private final Stripe[] stripes = new Stripe[STRIPES];
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong forgottenEarly = new AtomicLong();

    public RecentEventIds(DedupSettings settings, Clock clock) {
        this(settings, clock, EventKeys.random());
    }

    RecentEventIds(DedupSettings settings, Clock clock, EventKeys keys) {
        this.settings = settings;
        this.clock = clock;
        this.keys = keys;
        this.windowMillis = settings.window().toMillis();
        this.generationMillis = Math.max(1, windowMillis / GENERATIONS);
        this.maxIdsPerStripe = settings.maxIds() / STRIPES;
        for (int index = 0; index < STRIPES; index++) {
            stripes[index] = new Stripe();
        }
    }

    public DedupSettings settings() {
        return settings;
    }

    /**
     * Claims the ids of a message's events for the device. The caller must end the claim with
     * {@link EventClaim#stored()} or {@link EventClaim#abandoned(Throwable)}.
     */
    public EventClaim claim(String hubName, String deviceId, List<SecurityEvent> events) {
        if (!settings.enabled()) {
            return new EventClaim(this, events, 0, new long[0], new CompletableFuture<>(), List.of());
        }
        long now = clock.millis();
        CompletableFuture<Void> storage = new CompletableFuture<>();
        long[] claimed = new long[events.size()];
        int claimedCount = 0;
        List<SecurityEvent> fresh = new ArrayList<>(events.size());
        List<CompletableFuture<Void>> originals = new ArrayList<>(0);
        for (SecurityEvent event : events) {
            long key = keys.of(hubName, deviceId, event.id());
            CompletableFuture<Void> original;
            Stripe stripe = stripe(key);
            synchronized (stripe) {
                original = stripe.claim(key, now, storage);
            }
            if (original == null) {
                claimed[claimedCount++] = key;
                fresh.add(event);
            } else if (original != storage && !original.isDone()) {
                // the original is still being stored; an id repeated within this message waits for nothing
                originals.add(original);
            }
        }
        int repeated = events.size() - fresh.size();
        duplicates.addAndGet(repeated);
        long[] keysClaimed = claimedCount == claimed.length ? claimed : Arrays.copyOf(claimed, claimedCount);
        return new EventClaim(this, fresh, repeated, keysClaimed, storage, originals);
    }

    /**
     * Remembers an id received at {@code receivedAt}, as a restart does with the stored events of
     * the window. Returns false, remembering nothing, once the stripe holding it is full: the
     * caller hands ids newest first, so what is left out is the oldest.
     */
    public boolean remember(String hubName, String deviceId, String eventId, Instant receivedAt) {
        if (!settings.enabled()) {
            return false;
        }
        long key = keys.of(hubName, deviceId, eventId);
        Stripe stripe = stripe(key);
        synchronized (stripe) {
            return stripe.remember(key, receivedAt.toEpochMilli(), clock.millis());
        }
    }

    /** Security events dropped as copies of events received before. */
    public long duplicateEvents() {
        return duplicates.get();
    }

    /** Ids forgotten before the window was over, because the id limit was reached. */
    public long forgottenEarly() {
        return forgottenEarly.get();
    }

    /** Ids held now. */
    public long heldIds() {
        long held = 0;
        for (Stripe stripe : stripes) {
            synchronized (stripe) {
                held += stripe.held;
            }
        }
        return held;
    }

    void stored(long[] claimed) {
        for (long key : claimed) {
            Stripe stripe = stripe(key);
            synchronized (stripe) {
                stripe.inFlight.remove(key);
            }
        }
    }

    void abandoned(long[] claimed) {
        for (long key : claimed) {
            Stripe stripe = stripe(key);
            synchronized (stripe) {
                stripe.forget(key);
            }
        }
    }

    private Stripe stripe(long key) {
        // The top bits pick the stripe; the sets index by the low bits.
        return stripes[(int) (key >>> 60)];
    }

    /** One generation: the ids received within [number, number + 1) generation lengths since the epoch. */
    private record Generation(long number, LongSet ids) {
    }

    private final class Stripe {
        /** Newest first. */
        private final List<Generation> generations = new ArrayList<>(GENERATIONS + 2);
        /** The storage each claimed id waits for, until it is stored or abandoned. */
        private final Map<Long, CompletableFuture<Void>> inFlight = new HashMap<>();
        private long held;

        /** @return null when the id is new and now claimed by {@code storage}, else what the original's storage completes */
        CompletableFuture<Void> claim(long key, long now, CompletableFuture<Void> storage) {
            dropExpired(now);
            CompletableFuture<Void> original = inFlight.isEmpty() ? null : inFlight.get(key);
            if (original != null) {
                return original;
            }
            for (Generation generation : generations) {
                if (generation.ids().contains(key)) {
                    return ALREADY_STORED;
                }
            }
            if (held >= maxIdsPerStripe) {
                dropOldest();
            }
            generation(now / generationMillis).ids().add(key);
            held++;
            inFlight.put(key, storage);
            return null;
        }

        boolean remember(long key, long receivedAt, long now) {
            long number = receivedAt / generationMillis;
            if (held >= maxIdsPerStripe || isExpired(number, now)) {
                return false;
            }
            for (Generation generation : generations) {
                if (generation.ids().contains(key)) {
                    return true;
                }
            }
            generation(number).ids().add(key);
            held++;
            return true;
        }

        void forget(long key) {
            inFlight.remove(key);
            for (Generation generation : generations) {
                if (generation.ids().remove(key)) {
                    held--;
                    return;
                }
            }
        }

        /** The generation of that number, made (in order) when missing. */
        private Generation generation(long number) {
            int index = 0;
            while (index < generations.size() && generations.get(index).number() > number) {
                index++;
            }
            if (index < generations.size() && generations.get(index).number() == number) {
                return generations.get(index);
            }
            Generation made = new Generation(number, new LongSet());
            generations.add(index, made);
            return made;
        }

        private void dropExpired(long now) {
            while (!generations.isEmpty() && isExpired(generations.get(generations.size() - 1).number(), now)) {
                held -= generations.remove(generations.size() - 1).ids().size();
            }
        }

        /** Makes room by dropping the oldest generation (the current one, if it is the only one; claims in flight stay known). */
        private void dropOldest() {
            Generation oldest = generations.remove(generations.size() - 1);
            held -= oldest.ids().size();
            forgottenEarly.addAndGet(oldest.ids().size());
        }

        /** Every id of the generation was received more than a window ago. */
        private boolean isExpired(long number, long now) {
            return (number + 1) * generationMillis + windowMillis <= now;
        }
    }
}
