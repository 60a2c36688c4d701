package dev.vigil.soc.automation;

/** Whether a rule reacts to the creation of an incident or to its updates. */
public enum TriggersWhen {
    Created,
    Updated
}
