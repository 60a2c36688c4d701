package dev.vigil.soc.playbook;

import java.time.Duration;
import java.util.Objects;

/**
 * What can start a playbook. Sentinel's playbooks have a trigger each (incident, alert, entity);
 * a Vigil playbook lists the ones it accepts.
 */
public sealed interface PlaybookTrigger {

    /** The name the document uses, e.g. {@code incident}. */
    String kind();

    /** Started by an automation rule's {@code RunPlaybook} on an incident, or by hand on one. */
    record OnIncident() implements PlaybookTrigger {
        public String kind() {
            return "incident";
        }
    }

    /** Started by hand on an alert, given its {@code SystemAlertId}. */
    record OnAlert() implements PlaybookTrigger {
        public String kind() {
            return "alert";
        }
    }

    /** Started by hand on an entity (an IP address, a device...), given as Sentinel writes entities. */
    record OnEntity() implements PlaybookTrigger {
        public String kind() {
            return "entity";
        }
    }

    /** Started by hand, with or without an incident. */
    record Manual() implements PlaybookTrigger {
        public String kind() {
            return "manual";
        }
    }

    /** Started every {@code every}, on the multiples of it since the epoch. */
    record Schedule(Duration every) implements PlaybookTrigger {
        public static final Duration SHORTEST = Duration.ofMinutes(1);

        public Schedule {
            Objects.requireNonNull(every, "every");
        }

        public String kind() {
            return "schedule";
        }
    }
}
