package dev.vigil.soc.automation;

import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;

/**
 * Sentinel's operators of property conditions, comparing text without regard to case. A property
 * may have several values (an incident's labels, the IP addresses of its entities): a positive
 * operator holds when any value matches any of the condition's values, a negative one when none
 * does (so "IPAddress NotEquals 10.0.0.1" fails as soon as one entity has that address).
 */
public enum ConditionOperator {
    Equals(false, String::equals),
    NotEquals(true, String::equals),
    Contains(false, String::contains),
    NotContains(true, String::contains),
    StartsWith(false, String::startsWith),
    NotStartsWith(true, String::startsWith),
    EndsWith(false, String::endsWith),
    NotEndsWith(true, String::endsWith);

    private final boolean negated;
    private final BiPredicate<String, String> match;

    ConditionOperator(boolean negated, BiPredicate<String, String> match) {
        this.negated = negated;
        this.match = match;
    }

    public boolean holds(List<String> actual, List<String> expected) {
        boolean any = actual.stream().map(value -> value.toLowerCase(Locale.ROOT))
                .anyMatch(value -> expected.stream().anyMatch(wanted -> match.test(value, wanted.toLowerCase(Locale.ROOT))));
        return negated != any;
    }
}
