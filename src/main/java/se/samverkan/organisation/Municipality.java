package se.samverkan.organisation;

import java.util.List;

/** A municipality (kommun) with its slug, display name and EST settings. */
public record Municipality(String slug, String name, Est est) {

  public Municipality {
    est = est == null ? new Est(List.of()) : est;
  }

  /** The municipality's EST group: which actor functions take part. */
  public record Est(List<String> actors) {
    public Est {
      actors = actors == null ? List.of() : List.copyOf(actors);
    }
  }
}
