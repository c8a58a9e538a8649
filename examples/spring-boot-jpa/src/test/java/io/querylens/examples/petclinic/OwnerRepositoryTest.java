package io.querylens.examples.petclinic;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.junit.MaxQueries;
import io.querylens.junit.QueryLensAssertions;
import io.querylens.junit.QueryLensRecording;
import io.querylens.junit.QueryLensTest;
import io.querylens.spring.QueryLensAutoConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

/**
 * The repository alone, in a {@code @DataJpaTest} slice (which imports QueryLens's
 * auto-configuration only when asked): the entity graph loads owners and pets in one query, the
 * derived query does not.
 */
@DataJpaTest
@ImportAutoConfiguration(QueryLensAutoConfiguration.class)
@QueryLensTest
class OwnerRepositoryTest {
  @Autowired OwnerRepository owners;

  @Test
  @MaxQueries(1)
  void theEntityGraphLoadsOwnersAndPetsInOneQuery() {
    List<Owner> found = owners.findAllWithPets();

    assertThat(found).hasSize(10).allSatisfy(o -> assertThat(o.getPets()).hasSize(2));
  }

  @Test
  void touchingEachOwnersPetsIsAnNPlusOne(QueryLensRecording recording) {
    List<Owner> found = owners.findAllByOrderByIdAsc();
    found.forEach(o -> assertThat(o.getPets()).hasSize(2));

    // one query for the owners, then one for each owner's pets: two shapes, eleven executions
    assertThat(recording.executions()).hasSize(11);
    assertThat(recording.executions().stream().map(e -> e.shape().id()).distinct()).hasSize(2);
    QueryLensAssertions.assertThat(recording).hasAtMostQueries(11);
  }
}
