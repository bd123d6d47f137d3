package org.hpacell.io;

/**
 * A field that could not be used, and why.
 *
 * @param fieldId the field's id, or {@code ""} if the problem could not be tied to a field (a row of
 *                {@code train.csv} without an id)
 * @param message what is wrong, naming the file (and line) concerned
 */
public record FieldFailure(String fieldId, String message) {
    @Override
    public String toString() {
        return (fieldId.isEmpty() ? "" : fieldId + ": ") + message;
    }
}
