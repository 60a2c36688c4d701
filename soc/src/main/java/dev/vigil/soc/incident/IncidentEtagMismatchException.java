package dev.vigil.soc.incident;

/** The caller changed an incident from a version that is no longer the current one. */
public final class IncidentEtagMismatchException extends IncidentException {
    private final String currentEtag;

    IncidentEtagMismatchException(Incident incident, String expected) {
        super("PreconditionFailed", "incident " + incident.number() + " has changed: its etag is " + incident.etag()
                + ", the request expected " + expected + "; read it again and retry");
        this.currentEtag = incident.etag();
    }

    public String currentEtag() {
        return currentEtag;
    }
}
