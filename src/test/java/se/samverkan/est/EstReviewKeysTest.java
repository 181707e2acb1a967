package se.samverkan.est;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A cycle finds its municipality's styrgrupp reviews by their business key, and only theirs. */
class EstReviewKeysTest {

  @Test
  void aReviewOfTheMunicipalityIsRecognisedByItsKey() {
    assertThat(EstReviews.isReviewOf("est-styrgrupp-lycksele-2026-10-01", "lycksele")).isTrue();
  }

  @Test
  void aMunicipalityWhoseSlugStartsTheSameIsNotMistakenForIt() {
    assertThat(EstReviews.isReviewOf("est-styrgrupp-umea-norra-2026-10-01", "umea")).isFalse();
    assertThat(EstReviews.isReviewOf("est-styrgrupp-umea-2026-10-01", "umea-norra")).isFalse();
    assertThat(EstReviews.isReviewOf("est-styrgrupp-lycksele-2026-10-01-extra", "lycksele")).isFalse();
    assertThat(EstReviews.isReviewOf(null, "lycksele")).isFalse();
  }

  @Test
  void theLikePatternEscapesWhatLikeWouldReadAsAWildcard() {
    assertThat(EstReviews.businessKeyLike("lycksele")).isEqualTo("est-styrgrupp-lycksele-%");
    assertThat(EstReviews.businessKeyLike("a_b%c\\d")).isEqualTo("est-styrgrupp-a\\_b\\%c\\\\d-%");
  }
}
