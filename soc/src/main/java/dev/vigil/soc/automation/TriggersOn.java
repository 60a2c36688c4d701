package dev.vigil.soc.automation;

/** What an automation rule reacts to. */
public enum TriggersOn {
    Incidents,
    Alerts
}
