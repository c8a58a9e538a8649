package com.example.app;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** An owner whose pets load lazily, one query per owner: the N+1 {@link HibernateApp} makes. */
@Entity
@Table(name = "agent_owner")
public class AgentOwner {
  @Id private Long id;

  private String name;

  @OneToMany(mappedBy = "owner", fetch = FetchType.LAZY)
  private List<AgentPet> pets = new ArrayList<>();

  protected AgentOwner() {}

  AgentOwner(long id, String name) {
    this.id = id;
    this.name = name;
  }

  public String getName() {
    return name;
  }

  public List<AgentPet> getPets() {
    return pets;
  }
}
