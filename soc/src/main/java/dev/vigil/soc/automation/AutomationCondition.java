package dev.vigil.soc.automation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A condition of an automation rule, by Sentinel's {@code conditionType}. */
public sealed interface AutomationCondition {

    boolean holds(TriggeringChange change);

    /** Whether the condition is about a change, and so only fits rules triggered by updates. */
    boolean concernsUpdates();

    /** {@code Property}: the incident's values of the property compared with {@code propertyValues}. */
    record PropertyCondition(IncidentProperty property, ConditionOperator operator, List<String> propertyValues) implements AutomationCondition {
        public PropertyCondition {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(operator, "operator");
            propertyValues = List.copyOf(propertyValues);
        }

        @Override
        public boolean holds(TriggeringChange change) {
            return operator.holds(change.values(property), propertyValues);
        }

        @Override
        public boolean concernsUpdates() {
            return false;
        }
    }

    /**
     * {@code PropertyChanged}: the triggering change set the property, and its new value
     * ({@code ChangedTo}) or its value before ({@code ChangedFrom}) compares as asked; without an
     * operator, that the property changed at all.
     */
    record PropertyChangedCondition(ChangedProperty property, ChangeType changeType, Optional<ConditionOperator> operator,
            List<String> propertyValues) implements AutomationCondition {
        public PropertyChangedCondition {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(changeType, "changeType");
            Objects.requireNonNull(operator, "operator");
            propertyValues = List.copyOf(propertyValues);
        }

        @Override
        public boolean holds(TriggeringChange change) {
            if (!change.event().changedProperties().contains(property.column())) {
                return false;
            }
            if (operator.isEmpty()) {
                return true;
            }
            List<String> values = changeType == ChangeType.ChangedTo
                    ? property.property().valuesOf(change.event().incident())
                    : change.event().previousValues().getOrDefault(property.column(), List.of());
            return operator.get().holds(values, propertyValues);
        }

        @Override
        public boolean concernsUpdates() {
            return true;
        }
    }

    /** {@code PropertyArrayChanged}: the triggering change added items to the array (alerts, labels, tactics, comments). */
    record PropertyArrayChangedCondition(ChangedArray arrayType) implements AutomationCondition {
        public PropertyArrayChangedCondition {
            Objects.requireNonNull(arrayType, "arrayType");
        }

        @Override
        public boolean holds(TriggeringChange change) {
            Map<String, List<String>> previous = change.event().previousValues();
            if (!previous.containsKey(arrayType.column())) {
                return false;
            }
            List<String> added = new ArrayList<>(arrayType.itemsOf(change.event().incident()));
            added.removeAll(previous.get(arrayType.column()));
            return !added.isEmpty();
        }

        @Override
        public boolean concernsUpdates() {
            return true;
        }
    }

    /** {@code Boolean}: {@code And} or {@code Or} over inner conditions. */
    record BooleanCondition(BooleanOperator operator, List<AutomationCondition> innerConditions) implements AutomationCondition {
        public BooleanCondition {
            Objects.requireNonNull(operator, "operator");
            innerConditions = List.copyOf(innerConditions);
        }

        @Override
        public boolean holds(TriggeringChange change) {
            return operator == BooleanOperator.And
                    ? innerConditions.stream().allMatch(inner -> inner.holds(change))
                    : innerConditions.stream().anyMatch(inner -> inner.holds(change));
        }

        @Override
        public boolean concernsUpdates() {
            return innerConditions.stream().anyMatch(AutomationCondition::concernsUpdates);
        }
    }

    enum ChangeType {
        ChangedFrom,
        ChangedTo
    }

    enum BooleanOperator {
        And,
        Or
    }
}
