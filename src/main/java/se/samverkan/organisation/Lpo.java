package se.samverkan.organisation;

import java.util.List;

/**
 * A local police area (lokalpolisområde) and the municipalities it spans.
 *
 * @param lan the county (län) slug the LPO lies in, e.g. {@code vasterbotten}; may be null
 */
public record Lpo(String slug, String name, List<Municipality> municipalities, String lan) {

  public Lpo {
    municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
  }
}
