package io.querylens.examples.petclinic;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A pet of one owner. */
@Entity
public class Pet {
  @Id private Long id;

  private String name;

  @ManyToOne(fetch = FetchType.LAZY)
  private Owner owner;

  protected Pet() {}

  public String getName() {
    return name;
  }
}
