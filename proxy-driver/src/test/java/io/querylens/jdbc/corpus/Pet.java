package io.querylens.jdbc.corpus;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A pet of the Hibernate scenarios, mapped onto {@code corpus_pet}; its owner loads lazily. */
@Entity
@Table(name = "corpus_pet")
public class Pet {
  @Id private Long id;

  private String name;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "owner_id")
  private Owner owner;

  protected Pet() {}

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public Owner getOwner() {
    return owner;
  }
}
