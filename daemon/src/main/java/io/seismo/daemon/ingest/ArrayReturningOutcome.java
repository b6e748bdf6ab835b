package io.seismo.daemon.ingest;

/**
 * Tells a batch's outcome, then gives the array its lines were in back to the event loop that lent it: told on that
 * loop once the ring has taken the lines or refused them, so a batch that waited for room returns its array too
 * (each waiting batch had cost the loop a new array of a body's size).
 */
final class ArrayReturningOutcome implements AdmissionOutcome {
    private final AdmissionOutcome told;
    private final LentBodies bodies;
    private final byte[] array;

    ArrayReturningOutcome(AdmissionOutcome told, LentBodies bodies, byte[] array) {
        this.told = told;
        this.bodies = bodies;
        this.array = array;
    }

    @Override
    public void published(int accepted, int duplicates, long acceptedBytes) {
        try {
            told.published(accepted, duplicates, acceptedBytes);
        } finally {
            bodies.giveBack(array);
        }
    }

    @Override
    public void refused() {
        try {
            told.refused();
        } finally {
            bodies.giveBack(array);
        }
    }
}
