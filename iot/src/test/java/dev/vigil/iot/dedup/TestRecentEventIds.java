package dev.vigil.iot.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iot.message.SecurityEvent;
import dev.vigil.iot.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TestRecentEventIds {
    private static final Duration WINDOW = Duration.ofHours(24);

    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-06T10:00:00Z"));
    private final RecentEventIds ids = new RecentEventIds(new DedupSettings(WINDOW, 1_000_000), clock);

    @Test
    void testEventSentAgainWithinTheWindowIsADuplicateAndAfterItIsTakenAgain() {
        SecurityEvent login = event();
        stored(ids.claim("plant-hub", "sensor-1", List.of(login)));
        clock.advance(WINDOW.minusMinutes(1));

        EventClaim again = ids.claim("plant-hub", "sensor-1", List.of(login));
        again.stored();
        clock.advance(WINDOW.plusHours(4));
        EventClaim muchLater = ids.claim("plant-hub", "sensor-1", List.of(login));

        assertThat(again.onlyDuplicates()).isTrue();
        assertThat(again.fresh()).isEmpty();
        assertThat(muchLater.fresh()).containsExactly(login);
        assertThat(ids.duplicateEvents()).isEqualTo(1);
    }

    @Test
    void testSameEventIdOfAnotherDeviceOrHubIsNotADuplicate() {
        SecurityEvent login = event();
        stored(ids.claim("plant-hub", "sensor-1", List.of(login)));

        assertThat(ids.claim("plant-hub", "sensor-2", List.of(login)).fresh()).containsExactly(login);
        assertThat(ids.claim("other-hub", "sensor-1", List.of(login)).fresh()).containsExactly(login);
        assertThat(ids.claim("plant-hub", "SENSOR-1", List.of(login)).fresh()).as("device ids are case-sensitive").containsExactly(login);
    }

    @Test
    void testHubNameAndEventIdMatchWhateverTheirCase() {
        SecurityEvent login = event();
        stored(ids.claim("plant-hub", "sensor-1", List.of(login)));

        SecurityEvent upperCased = withId(login, login.id().toUpperCase());
        assertThat(ids.claim("Plant-Hub", "sensor-1", List.of(upperCased)).onlyDuplicates()).isTrue();
    }

    @Test
    void testOnlyTheCopiesOfAPartlyRepeatedMessageAreDropped() {
        SecurityEvent first = event();
        SecurityEvent second = event();
        stored(ids.claim("plant-hub", "sensor-1", List.of(first)));

        EventClaim claim = ids.claim("plant-hub", "sensor-1", List.of(first, second, second));

        assertThat(claim.fresh()).containsExactly(second);
        assertThat(claim.duplicates()).isEqualTo(2);
        assertThat(claim.onlyDuplicates()).isFalse();
        assertThat(claim.originalsStored()).as("an event repeated within its own message waits for nothing").isDone();
    }

    @Test
    void testCopyOfAnEventStillBeingStoredIsAnsweredOnlyOnceTheOriginalIs() {
        SecurityEvent login = event();
        EventClaim original = ids.claim("plant-hub", "sensor-1", List.of(login));
        EventClaim copy = ids.claim("plant-hub", "sensor-1", List.of(login));

        assertThat(copy.onlyDuplicates()).isTrue();
        assertThat(copy.originalsStored()).isNotDone();
        original.stored();
        assertThat(copy.originalsStored()).isCompleted();
    }

    @Test
    void testAbandonedClaimFailsItsWaitingCopiesAndTheRetryIsTaken() {
        SecurityEvent login = event();
        EventClaim original = ids.claim("plant-hub", "sensor-1", List.of(login));
        EventClaim copy = ids.claim("plant-hub", "sensor-1", List.of(login));

        original.abandoned(new IllegalStateException("the commit failed"));
        EventClaim retry = ids.claim("plant-hub", "sensor-1", List.of(login));

        assertThat(copy.originalsStored()).isCompletedExceptionally();
        assertThat(copy.originalsStored().handle((ok, failure) -> failure)).isCompletedWithValueMatching(
                failure -> failure instanceof CompletionException && failure.getCause().getMessage().equals("the commit failed"));
        assertThat(retry.fresh()).containsExactly(login);
        assertThat(ids.heldIds()).isEqualTo(1);
    }

    @Test
    void testIdLimitForgetsTheOldestIdsFirst() {
        RecentEventIds small = new RecentEventIds(new DedupSettings(WINDOW, 16 * 100), clock);
        List<SecurityEvent> old = IntStream.range(0, 1000).mapToObj(i -> event()).toList();
        stored(small.claim("plant-hub", "sensor-1", old));
        clock.advance(WINDOW.dividedBy(RecentEventIds.GENERATIONS));
        List<SecurityEvent> recent = IntStream.range(0, 1000).mapToObj(i -> event()).toList();
        stored(small.claim("plant-hub", "sensor-1", recent));

        assertThat(small.heldIds()).isLessThanOrEqualTo(16 * 100);
        assertThat(small.forgottenEarly()).isGreaterThan(0);
        assertThat(small.claim("plant-hub", "sensor-1", recent).duplicates()).as("the newest ids are kept").isGreaterThan(900);
    }

    @Test
    void testIdsRememberedAfterARestartAreDuplicatesUntilTheirWindowEnds() {
        SecurityEvent recent = event();
        SecurityEvent tooOld = event();

        assertThat(ids.remember("plant-hub", "sensor-1", recent.id(), clock.instant().minus(Duration.ofHours(23)))).isTrue();
        assertThat(ids.remember("plant-hub", "sensor-1", tooOld.id(), clock.instant().minus(Duration.ofHours(30)))).isFalse();

        assertThat(ids.claim("plant-hub", "sensor-1", List.of(recent)).onlyDuplicates()).isTrue();
        assertThat(ids.claim("plant-hub", "sensor-1", List.of(tooOld)).fresh()).containsExactly(tooOld);
        clock.advance(Duration.ofHours(2).plus(WINDOW.dividedBy(RecentEventIds.GENERATIONS)));
        assertThat(ids.claim("plant-hub", "sensor-1", List.of(recent)).fresh()).as("24 h after it was received").containsExactly(recent);
    }

    @Test
    void testZeroWindowTurnsDeduplicationOff() {
        RecentEventIds off = new RecentEventIds(new DedupSettings(Duration.ZERO, 1000), clock);
        SecurityEvent login = event();
        stored(off.claim("plant-hub", "sensor-1", List.of(login)));

        assertThat(off.claim("plant-hub", "sensor-1", List.of(login)).fresh()).containsExactly(login);
        assertThat(off.heldIds()).isZero();
    }

    private static void stored(EventClaim claim) {
        claim.stored();
    }

    private static SecurityEvent event() {
        return new SecurityEvent(UUID.randomUUID().toString(), "2024-05-06 10:00:00Z", Instant.parse("2024-05-06T10:00:00Z"), "Triggered", "Login",
                "Security", false, "1.0", List.of(Map.of("Result", "Fail")));
    }

    private static SecurityEvent withId(SecurityEvent event, String id) {
        return new SecurityEvent(id, event.timestampLocal(), event.timestampUtc(), event.category(), event.name(), event.eventType(), event.isEmpty(),
                event.payloadSchemaVersion(), event.payload());
    }
}
