package com.example.app;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A pet of an {@link AgentOwner}. */
@Entity
@Table(name = "agent_pet")
public class AgentPet {
  @Id private Long id;

  private String name;

  @ManyToOne(fetch = FetchType.LAZY)
  private AgentOwner owner;

  protected AgentPet() {}

  AgentPet(long id, String name, AgentOwner owner) {
    this.id = id;
    this.name = name;
    this.owner = owner;
  }

  public String getName() {
    return name;
  }
}
