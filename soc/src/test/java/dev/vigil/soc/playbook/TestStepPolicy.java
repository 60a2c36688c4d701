package dev.vigil.soc.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestStepPolicy {
    @Test
    void testRetryPausesStartAtTheIntervalAndDoubleUpToTheLongest() {
        StepPolicy policy = new StepPolicy(StepPolicy.DEFAULT_TIMEOUT, StepPolicy.MOST_RETRIES, Duration.ofSeconds(30));

        assertThat(List.of(2, 3, 4, 5, 6, 11).stream().map(policy::pauseBefore).toList()).containsExactly(Duration.ofSeconds(30),
                Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), StepPolicy.LONGEST_PAUSE, StepPolicy.LONGEST_PAUSE);
    }

    @Test
    void testNoIntervalMeansNoPause() {
        StepPolicy policy = new StepPolicy(StepPolicy.DEFAULT_TIMEOUT, 3, Duration.ZERO);

        assertThat(policy.pauseBefore(2)).isZero();
        assertThat(policy.pauseBefore(4)).isZero();
    }
}
