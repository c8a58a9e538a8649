package com.example.boot;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.List;

/** An owner of pets, loaded lazily. */
@Entity
public class Owner {
  @Id @GeneratedValue private Long id;

  private String name;

  @OneToMany(mappedBy = "owner", fetch = FetchType.LAZY)
  private List<Pet> pets = new ArrayList<>();

  protected Owner() {}

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public List<Pet> getPets() {
    return pets;
  }
}
