package io.querylens.jdbc.startup;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row that Hibernate's schema tool creates the table of and its import script seeds. */
@Entity
@Table(name = "startup_item")
public class StartupItem {
  @Id private Long id;

  private String name;

  protected StartupItem() {}

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }
}
