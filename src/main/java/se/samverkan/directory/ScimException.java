package se.samverkan.directory;

/**
 * A SCIM request Samverkan refuses, answered as a SCIM error (RFC 7644 §3.12): the HTTP status, the
 * SCIM error type where one applies (invalidFilter, invalidSyntax, invalidValue, uniqueness,
 * mutability, …) and a Swedish detail that the provider shows in its provisioning log.
 */
class ScimException extends RuntimeException {

  private final int status;
  private final String scimType;

  ScimException(int status, String scimType, String detail) {
    super(detail);
    this.status = status;
    this.scimType = scimType;
  }

  static ScimException invalidValue(String detail) {
    return new ScimException(400, "invalidValue", detail);
  }

  static ScimException notFound(String detail) {
    return new ScimException(404, null, detail);
  }

  int status() {
    return status;
  }

  String scimType() {
    return scimType;
  }
}
