package se.samverkan.modelrules;

import org.camunda.bpm.engine.impl.util.xml.Element;

/** One broken rule: the element that breaks it and a message a process owner understands. */
record ModelRuleViolation(Element element, String elementId, String message) {}
