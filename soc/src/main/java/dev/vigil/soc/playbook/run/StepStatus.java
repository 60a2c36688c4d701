package dev.vigil.soc.playbook.run;

/** Where a step of a run is; {@code Skipped} when its {@code when} was false. */
public enum StepStatus {
    Running, Succeeded, Failed, Skipped;

    public boolean finished() {
        return this != Running;
    }
}
