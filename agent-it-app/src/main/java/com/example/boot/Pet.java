package com.example.boot;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A pet, owned by one {@link Owner}. */
@Entity
public class Pet {
  @Id @GeneratedValue private Long id;

  private String name;

  @ManyToOne(fetch = FetchType.LAZY)
  private Owner owner;

  protected Pet() {}

  public String getName() {
    return name;
  }
}
