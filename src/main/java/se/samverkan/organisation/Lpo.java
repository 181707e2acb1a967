package se.samverkan.organisation;

import java.util.List;

/** A local police area (lokalpolisområde) and the municipalities it spans. */
public record Lpo(String slug, String name, List<Municipality> municipalities) {

  public Lpo {
    municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
  }
}
