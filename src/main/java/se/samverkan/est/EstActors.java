package se.samverkan.est;

import java.util.List;
import se.samverkan.organisation.Organisation;

/** The EST actors of a municipality, for models: {@code ${estActors.of(kommun)}}. */
public class EstActors {

  private final Organisation organisation;

  public EstActors(Organisation organisation) {
    this.organisation = organisation;
  }

  public List<String> of(String kommun) {
    return organisation.municipality(kommun).map(m -> m.est().actors()).orElse(List.of());
  }

  public String nameOf(String actor) {
    return organisation.estActors().getOrDefault(actor, actor);
  }
}
