package se.samverkan.forms;

/**
 * Marks a refusal that is a conflict with what someone else did at the same time (e.g. a second,
 * concurrent start of the same process): both REST APIs answer 409 with the exception's Swedish
 * message, wherever it sits in the cause chain.
 */
public interface Conflict {}
