package io.querylens.jdbc.corpus;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** An owner of the Hibernate scenarios, mapped onto {@code corpus_owner}; its pets load lazily. */
@Entity
@Table(name = "corpus_owner")
public class Owner {
  @Id private Long id;

  private String name;

  @OneToMany(mappedBy = "owner", fetch = FetchType.LAZY)
  @OrderBy("id")
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
