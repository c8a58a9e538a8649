package io.querylens.examples.petclinic;

import java.util.List;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Owners, with or without their pets. */
public interface OwnerRepository extends JpaRepository<Owner, Long> {
  /** Owners only: each owner's pets are loaded on first touch, one query per owner. */
  List<Owner> findAllByOrderByIdAsc();

  /** Owners and their pets in one query, through an entity graph: the N+1's fix. */
  @EntityGraph(attributePaths = "pets")
  @Query("select o from Owner o order by o.id")
  List<Owner> findAllWithPets();
}
