package io.querylens.jdbc.corpus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The corpus tables, written through the raw (uninstrumented) DataSource so that setting them up
 * never shows in what QueryLens records: {@value #OWNERS} owners, each with two pets (pet {@code n}
 * belongs to owner {@code (n + 1) / 2}), an empty visit table for the write scenarios, and {@value
 * #EVENTS} events for the unbounded-result scenarios.
 */
final class CorpusSchema {
  static final int OWNERS = 10;
  static final int PETS = 2 * OWNERS;

  /**
   * Events: more than the unbounded-result threshold (1000), in {@value #CATEGORIES} categories.
   */
  static final int EVENTS = 1500;

  static final int CATEGORIES = 3;

  private CorpusSchema() {}

  /** Drops and recreates the tables with their rows. */
  static void create(DataSource raw) throws SQLException {
    try (Connection c = raw.getConnection();
        Statement s = c.createStatement()) {
      s.execute("drop table if exists corpus_event");
      s.execute("drop table if exists corpus_visit");
      s.execute("drop table if exists corpus_pet");
      s.execute("drop table if exists corpus_owner");
      s.execute("create table corpus_owner (id bigint primary key, name varchar(50) not null)");
      s.execute(
          "create table corpus_pet (id bigint primary key, owner_id bigint not null,"
              + " name varchar(50) not null)");
      s.execute(
          "create table corpus_visit (id bigint primary key, pet_id bigint not null,"
              + " note varchar(100))");
      s.execute("create table corpus_event (id bigint primary key, category varchar(20) not null)");
      try (PreparedStatement owner = c.prepareStatement("insert into corpus_owner values (?, ?)")) {
        for (int id = 1; id <= OWNERS; id++) {
          owner.setLong(1, id);
          owner.setString(2, "owner-" + id);
          owner.addBatch();
        }
        owner.executeBatch();
      }
      try (PreparedStatement pet = c.prepareStatement("insert into corpus_pet values (?, ?, ?)")) {
        for (int id = 1; id <= PETS; id++) {
          pet.setLong(1, id);
          pet.setLong(2, (id + 1) / 2);
          pet.setString(3, "pet-" + id);
          pet.addBatch();
        }
        pet.executeBatch();
      }
      try (PreparedStatement event = c.prepareStatement("insert into corpus_event values (?, ?)")) {
        for (int id = 1; id <= EVENTS; id++) {
          event.setLong(1, id);
          event.setString(2, "category-" + id % CATEGORIES);
          event.addBatch();
        }
        event.executeBatch();
      }
    }
  }

  /** Empties the visit table the write scenarios fill. */
  static void clearVisits(DataSource raw) throws SQLException {
    try (Connection c = raw.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("delete from corpus_visit");
    }
  }

  /** Drops the tables. */
  static void drop(DataSource raw) throws SQLException {
    try (Connection c = raw.getConnection();
        Statement s = c.createStatement()) {
      s.execute("drop table if exists corpus_event");
      s.execute("drop table if exists corpus_visit");
      s.execute("drop table if exists corpus_pet");
      s.execute("drop table if exists corpus_owner");
    }
  }
}
