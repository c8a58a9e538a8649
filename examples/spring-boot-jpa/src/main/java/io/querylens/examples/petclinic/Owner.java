package io.querylens.examples.petclinic;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;

/** An owner and the pets they bring, loaded lazily unless a query fetches them. */
@Entity
public class Owner {
  @Id private Long id;

  private String name;

  @OneToMany(mappedBy = "owner", fetch = FetchType.LAZY)
  @OrderBy("name")
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
