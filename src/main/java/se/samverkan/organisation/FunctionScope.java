package se.samverkan.organisation;

/** Where a function exists: once per local police area, once per municipality, or once overall. */
public enum FunctionScope {
  lpo,
  kommun,
  global
}
