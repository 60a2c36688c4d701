package dev.vigil.soc.playbook.run;

/** Where a run is, by Logic Apps' names. */
public enum RunStatus {
    Waiting, Running, Succeeded, Failed;

    public boolean finished() {
        return this == Succeeded || this == Failed;
    }
}
